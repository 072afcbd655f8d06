using System.Text.Json.Nodes;
using FhirOncology.Validation.Tests.Support;
using Hl7.Fhir.Model;

namespace FhirOncology.Validation.Tests.Features;

/// <summary>
/// Codings checked against code systems we hold (terminologies.html): unknown codes, wrong displays, unknown versions;
/// and required bindings to value sets built with filters, including one that cannot be evaluated here.
/// </summary>
public sealed class CodingTests(ValidatorFixture fixture)
{
    private const string Staging = Corpus.Base + "/CodeSystem/onc-test-staging";
    private const string Fragment = Corpus.Base + "/CodeSystem/onc-test-lab-fragment";
    private const string Value = "Observation.valueCodeableConcept";
    private const string ValueCoding = "Observation.valueCodeableConcept.coding[0]";

    [Fact]
    public void StageInFilteredValueSet_DisplayOrDesignation_NoIssue()
    {
        var report = Validate(Stage("stage-1", "stage 1")); // a designation, in another case
        report.HasNoErrors();
        Assert.DoesNotContain(report.Issues, issue => issue.Location.StartsWith(Value, StringComparison.Ordinal));
    }

    [Fact]
    public void StageExcludedByNotInFilter_RequiredBinding_Error()
    {
        Validate(Stage("stage-x", "Stage X")).HasError(Value,
            $"{Staging}#stage-x is not in the value set {Corpus.Base}/ValueSet/onc-test-vs-not-in, which is required here");
    }

    [Fact]
    public void WrongDisplay_Warning()
    {
        var report = Validate(Stage("stage-1", "Stage One"));
        report.HasNoErrors();
        var issue = report.HasWarning(ValueCoding, $"Wrong display 'Stage One' for {Staging}#stage-1: the code system's display is 'Stage I' (or one of its designations: 'Stage 1')");
        Assert.Equal(OperationOutcome.IssueType.Value, issue.Code);
    }

    [Fact]
    public void UnknownCodeInCompleteCodeSystem_Error()
    {
        var issue = Validate(Stage("stage-9", null)).HasError(ValueCoding, $"Unknown code 'stage-9' in code system {Staging} (version 1.0.0)");
        Assert.Equal(OperationOutcome.IssueType.CodeInvalid, issue.Code);
    }

    [Fact]
    public void UnknownVersion_WarningAndCodeNotJudgedAgainstOurVersion()
    {
        var observation = Stage("stage-9", "Stage Nine");
        observation["valueCodeableConcept"]!["coding"]![0]!["version"] = "0.9";
        var report = Validate(observation);
        report.HasWarning(ValueCoding, $"Version 0.9 of code system {Staging} is not known here (version 1.0.0 is), so stage-9 was not checked against it");
        Assert.DoesNotContain(report.Issues, issue => issue.Location == ValueCoding && issue.Message.Contains("Unknown code", StringComparison.Ordinal));
    }

    [Fact]
    public void FilterOverFragment_CannotBeChecked_InformationNotError()
    {
        var observation = Stage("stage-1", "Stage I");
        observation["interpretation"] = new JsonArray(Concept(Fragment, "marker-b", null));
        var report = Validate(observation);
        report.HasNoErrors();
        report.Has(OperationOutcome.IssueSeverity.Information, "Observation.interpretation[0]",
            $"cannot be checked against value set {Corpus.Base}/ValueSet/onc-test-vs-fragment here: only a fragment of {Fragment} is held locally");
        report.Has(OperationOutcome.IssueSeverity.Information, "Observation.interpretation[0].coding[0]", $"'marker-b' is not in the fragment of {Fragment} held here");
    }

    [Fact]
    public void RegexFilter_CodeOutside_Error()
    {
        var observation = Stage("stage-1", "Stage I");
        observation["method"] = Concept(Staging, "stage-2", "Stage II");
        Validate(observation).HasError("Observation.method", $"{Staging}#stage-2 is not in the value set {Corpus.Base}/ValueSet/onc-test-vs-regex");
    }

    private ValidationReport Validate(JsonObject observation) => fixture.Validate(observation);

    private static JsonObject Stage(string code, string? display)
    {
        var observation = JsonNode.Parse($$"""
            {
              "resourceType": "Observation", "id": "stage",
              "meta": { "profile": [ "{{Corpus.Base}}/StructureDefinition/onc-test-staging-observation" ] },
              "text": { "status": "generated", "div": "<div xmlns=\"http://www.w3.org/1999/xhtml\">A stage</div>" },
              "status": "final",
              "code": { "text": "stage" },
              "subject": { "reference": "Patient/onc-test-patient" }
            }
            """)!.AsObject();
        observation["valueCodeableConcept"] = Concept(Staging, code, display);
        return observation;
    }

    private static JsonObject Concept(string system, string code, string? display)
    {
        var coding = new JsonObject { ["system"] = system, ["code"] = code };
        if (display is not null)
        {
            coding["display"] = display;
        }

        return new JsonObject { ["coding"] = new JsonArray(coding) };
    }
}
