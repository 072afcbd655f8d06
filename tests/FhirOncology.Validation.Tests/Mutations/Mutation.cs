using System.Text.Json.Nodes;
using Hl7.Fhir.Model;

namespace FhirOncology.Validation.Tests.Mutations;

/// <summary>
/// A mutated instance and the issue it must produce: at <paramref name="Location"/> (or, when <paramref name="OrParent"/>
/// is set, at the parent, where a slice mismatch is reported), with a message containing <paramref name="MessageFragment"/>
/// when one is given, and of <paramref name="Severity"/> — an error unless the rule broken only warrants a warning.
/// </summary>
public sealed record Mutation(
    MutationKind Kind, string Description, JsonObject Instance, string Location, string? MessageFragment, string? OrParent = null,
    OperationOutcome.IssueSeverity Severity = OperationOutcome.IssueSeverity.Error)
{
    public bool IsMetBy(ValidationIssue issue) =>
        (Severity == OperationOutcome.IssueSeverity.Error ? issue.IsError : issue.Severity == Severity)
        && (issue.Location == Location || (OrParent is not null && issue.Location == OrParent))
        && (MessageFragment is null || issue.Message.Contains(MessageFragment, StringComparison.Ordinal) || issue.Rule == MessageFragment);
}
