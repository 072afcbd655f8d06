using Hl7.Fhir.Model;

namespace FhirOncology.Validation;

/// <summary>The outcome of validating one instance.</summary>
public sealed class ValidationReport(IReadOnlyList<ValidationIssue> issues)
{
    public IReadOnlyList<ValidationIssue> Issues { get; } = issues;

    public IEnumerable<ValidationIssue> Errors => Issues.Where(issue => issue.IsError);

    /// <summary>True when no issue is an error or fatal; warnings and information do not make an instance invalid.</summary>
    public bool IsValid => !Issues.Any(issue => issue.IsError);

    /// <summary>
    /// The report as an OperationOutcome (operationoutcome.html): <c>expression</c> carries the FHIRPath location,
    /// <c>details.text</c> the message, and the profile and element id are appended to <c>diagnostics</c>.
    /// An empty report becomes one informational "All OK" issue, as operationoutcome.html asks.
    /// </summary>
    public OperationOutcome ToOperationOutcome()
    {
        var outcome = new OperationOutcome();
        foreach (var issue in Issues)
        {
            outcome.Issue.Add(new OperationOutcome.IssueComponent
            {
                Severity = issue.Severity,
                Code = issue.Code,
                Details = new CodeableConcept { Text = issue.Message },
                Diagnostics = Diagnostics(issue),
                Expression = [issue.Location],
            });
        }

        if (outcome.Issue.Count == 0)
        {
            outcome.Issue.Add(new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Information,
                Code = OperationOutcome.IssueType.Informational,
                Details = new CodeableConcept { Text = "All OK" },
            });
        }

        return outcome;
    }

    private static string? Diagnostics(ValidationIssue issue)
    {
        var parts = new List<string>(3);
        if (issue.Rule is not null)
        {
            parts.Add($"rule {issue.Rule}");
        }

        if (issue.Profile is not null)
        {
            parts.Add($"profile {issue.Profile}");
        }

        if (issue.ElementId is not null)
        {
            parts.Add($"element {issue.ElementId}");
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }
}
