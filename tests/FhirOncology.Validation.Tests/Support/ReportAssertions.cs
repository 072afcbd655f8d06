using System.Text.Json.Nodes;
using Hl7.Fhir.Model;

namespace FhirOncology.Validation.Tests.Support;

/// <summary>Validation helpers that say what was found when an expectation fails.</summary>
public static class ReportAssertions
{
    public static ValidationReport Validate(this ValidatorFixture fixture, JsonObject instance, params string[] profiles) =>
        fixture.Validator.Validate(instance.ToJsonString(), profiles);

    public static ValidationIssue HasError(this ValidationReport report, string location, string fragment) =>
        report.Has(OperationOutcome.IssueSeverity.Error, location, fragment);

    public static ValidationIssue HasWarning(this ValidationReport report, string location, string fragment) =>
        report.Has(OperationOutcome.IssueSeverity.Warning, location, fragment);

    public static ValidationIssue Has(this ValidationReport report, OperationOutcome.IssueSeverity severity, string location, string fragment)
    {
        var match = report.Issues.FirstOrDefault(issue => issue.Severity == severity && issue.Location == location
            && (issue.Message.Contains(fragment, StringComparison.Ordinal) || issue.Rule == fragment));
        Assert.True(match is not null, $"Expected {severity} at {location} about '{fragment}'; got:\n{Describe(report)}");
        return match!;
    }

    public static void HasNoErrors(this ValidationReport report) =>
        Assert.True(report.IsValid, $"Expected no errors; got:\n{Describe(report)}");

    private static string Describe(ValidationReport report) =>
        report.Issues.Count == 0 ? "(no issues)" : string.Join("\n", report.Issues);
}
