using System.Text.Json.Nodes;

namespace FhirOncology.Validation.Tests.Mutations;

/// <summary>
/// A mutated instance and the error it must produce: at <paramref name="Location"/> (or, when
/// <paramref name="OrParent"/> is set, at the parent, where a slice mismatch is reported), with a message containing
/// <paramref name="MessageFragment"/> when one is given.
/// </summary>
public sealed record Mutation(MutationKind Kind, string Description, JsonObject Instance, string Location, string? MessageFragment, string? OrParent = null)
{
    public bool IsMetBy(ValidationIssue issue) =>
        issue.IsError
        && (issue.Location == Location || (OrParent is not null && issue.Location == OrParent))
        && (MessageFragment is null || issue.Message.Contains(MessageFragment, StringComparison.Ordinal) || issue.Rule == MessageFragment);
}
