using FhirOncology.Validation.Tests.Support;
using Hl7.Fhir.Model;

namespace FhirOncology.Validation.Tests.Features;

/// <summary>The report as an OperationOutcome (operationoutcome.html).</summary>
public sealed class OperationOutcomeTests(ValidatorFixture fixture)
{
    [Fact]
    public void ToOperationOutcome_Issue_CarriesSeverityCodeLocationAndSource()
    {
        var observation = Corpus.Observation();
        observation["status"] = "preliminary";
        var outcome = fixture.Validate(observation).ToOperationOutcome();
        var issue = Assert.Single(outcome.Issue, i => i.Expression.Contains("Observation.status"));
        Assert.Equal(OperationOutcome.IssueSeverity.Error, issue.Severity);
        Assert.Equal(OperationOutcome.IssueType.Value, issue.Code);
        Assert.Contains("must be exactly", issue.Details?.Text, StringComparison.Ordinal);
        Assert.Contains("onc-test-observation", issue.Diagnostics, StringComparison.Ordinal);
        Assert.Contains("element Observation.status", issue.Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public void ToOperationOutcome_NoIssues_AllOk()
    {
        var outcome = new ValidationReport([]).ToOperationOutcome();
        var issue = Assert.Single(outcome.Issue);
        Assert.Equal(OperationOutcome.IssueSeverity.Information, issue.Severity);
        Assert.Equal("All OK", issue.Details?.Text);
    }
}
