using FhirOncology.Validation.Structure;
using Hl7.Fhir.Model;

namespace FhirOncology.Validation.Invariants;

/// <summary>
/// <c>ElementDefinition.condition</c> (elementdefinition-definitions.html#ElementDefinition.condition): the ids of
/// constraints "that may make additional statements about the cardinality or value" of the element. When the element is
/// present, each such constraint — defined on an ancestor or on the element's type, and evaluated there — must hold:
/// a failure of it at an ancestor within the same resource is also reported at the present element, with the
/// constraint's severity, so the element that makes the constraint fail is named.
/// </summary>
internal static class ConditionChecker
{
    public static void Run(ValidationSession session)
    {
        if (session.PendingConditions.Count == 0 || !session.Issues.Exists(IsFailure))
        {
            return; // nothing present depends on a constraint, or no constraint failed: every condition holds
        }

        ILookup<string, ValidationIssue>? failures = null;
        foreach (var pending in session.PendingConditions)
        {
            failures ??= session.Issues.Where(IsFailure).ToLookup(issue => issue.Rule!, StringComparer.Ordinal);

            var location = pending.Path.ToString();
            var resource = pending.ResourcePath.ToString();
            foreach (var key in pending.Element.Conditions)
            {
                var failure = failures[key].FirstOrDefault(issue =>
                    IsAncestor(issue.Location, location) && (issue.Location == resource || IsAncestor(resource, issue.Location)));
                if (failure is not null)
                {
                    session.Add(failure.Severity, pending.Path, OperationOutcome.IssueType.Invariant,
                        $"{pending.Path.JsonName} is present, and the constraint {key} it depends on (ElementDefinition.condition) fails at {failure.Location}: {failure.Message}",
                        pending.Element, key);
                }
            }
        }
    }

    private static bool IsFailure(ValidationIssue issue) =>
        issue.Rule is not null && issue.Code == OperationOutcome.IssueType.Invariant && issue.Severity != OperationOutcome.IssueSeverity.Information;

    /// <summary>True when <paramref name="ancestor"/> is a proper ancestor location of <paramref name="location"/>.</summary>
    private static bool IsAncestor(string ancestor, string location) =>
        location.Length > ancestor.Length && location[ancestor.Length] == '.' && location.StartsWith(ancestor, StringComparison.Ordinal);
}
