using Hl7.Fhir.Model;

namespace FhirOncology.Core.Errors;

/// <summary>One OperationOutcome issue: severity, code, a message a person can act on, and where it applies.</summary>
public sealed record FhirIssue(
    OperationOutcome.IssueSeverity Severity,
    OperationOutcome.IssueType Code,
    string Message,
    string? Expression = null)
{
    public static OperationOutcome ToOperationOutcome(IEnumerable<FhirIssue> issues)
    {
        var outcome = new OperationOutcome();
        foreach (var issue in issues)
        {
            var component = new OperationOutcome.IssueComponent
            {
                Severity = issue.Severity,
                Code = issue.Code,
                Diagnostics = issue.Message,
            };
            if (issue.Expression is not null)
            {
                component.Expression = [issue.Expression];
            }

            outcome.Issue.Add(component);
        }

        return outcome;
    }
}
