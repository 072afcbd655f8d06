namespace FhirOncology.Validation.Tests.Examples;

/// <summary>A defect an example really has: the FHIR rule, and where the validator reports it.</summary>
public sealed record KnownDefect(string Rule, string LocationPrefix, string MessageFragment)
{
    public bool Matches(ValidationIssue issue) =>
        issue.Location.StartsWith(LocationPrefix, StringComparison.Ordinal)
        && issue.Message.Contains(MessageFragment, StringComparison.Ordinal);
}
