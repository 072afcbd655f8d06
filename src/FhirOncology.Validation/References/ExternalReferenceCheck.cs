using FhirOncology.Validation.Structure;
using Hl7.Fhir.Model;

namespace FhirOncology.Validation.References;

/// <summary>
/// Judges references the server resolved (resources already stored): a missing target is a warning by default
/// (or an error when the context asks), a target of the wrong type an error, and a target that does not declare
/// any of the required target profiles a warning (its conformance was checked when it was written).
/// </summary>
internal static class ExternalReferenceCheck
{
    public static IEnumerable<ValidationIssue> Check(
        List<PendingReference> references, IReadOnlyDictionary<string, ResolvedReference> resolved, ValidationContext context)
    {
        foreach (var pending in references)
        {
            var location = pending.Path.ToString();
            if (!resolved.TryGetValue(pending.Reference, out var target))
            {
                yield return new ValidationIssue(
                    context.UnresolvedReferenceIsError ? OperationOutcome.IssueSeverity.Error : OperationOutcome.IssueSeverity.Warning,
                    OperationOutcome.IssueType.NotFound, location, $"Reference {pending.Reference} does not resolve to a stored resource.",
                    ElementId: pending.ElementId);
                continue;
            }

            if (pending.AllowedTypes.Count > 0 && !pending.AllowedTypes.Contains(target.ResourceType))
            {
                yield return new ValidationIssue(OperationOutcome.IssueSeverity.Error, OperationOutcome.IssueType.Structure, location,
                    $"Reference {pending.Reference} points to a {target.ResourceType}, but only {string.Join(", ", pending.AllowedTypes)} may be referenced here.",
                    ElementId: pending.ElementId);
                continue;
            }

            var specific = pending.TargetProfiles.Where(p => !p.EndsWith("/" + target.ResourceType, StringComparison.Ordinal)).ToList();
            if (specific.Count > 0 && specific.Count == pending.TargetProfiles.Count && !specific.Any(target.Profiles.Contains))
            {
                yield return new ValidationIssue(OperationOutcome.IssueSeverity.Warning, OperationOutcome.IssueType.Structure, location,
                    $"Reference {pending.Reference} points to a {target.ResourceType} that does not declare any of {string.Join(", ", specific)}.",
                    ElementId: pending.ElementId);
            }
        }
    }
}
