using FhirOncology.Validation.Tests.Examples;
using FhirOncology.Validation.Tests.Support;
using Hl7.Fhir.Model;

namespace FhirOncology.Validation.Tests.Features;

/// <summary>Bindings (terminologies.html#strength) against value sets expanded locally.</summary>
public sealed class BindingTests(ValidatorFixture fixture)
{
    [Fact]
    public void RequiredBinding_CodeOutsideFilteredValueSet_Error()
    {
        var observation = Corpus.Observation();
        observation["valueCodeableConcept"]!["coding"]![0]!["code"] = "result"; // the parent, not a descendant
        fixture.Validate(observation).HasError("Observation.valueCodeableConcept", "which is required here");
    }

    [Fact]
    public void RequiredBinding_CodeInFilteredValueSet_Accepted()
    {
        var observation = Corpus.Observation();
        observation["valueCodeableConcept"]!["coding"]![0]!["code"] = "negative";
        fixture.Validate(observation).HasNoErrors();
    }

    [Fact]
    public void RequiredBinding_TextOnly_Error()
    {
        var observation = Corpus.Observation();
        observation["valueCodeableConcept"] = new System.Text.Json.Nodes.JsonObject { ["text"] = "positive" };
        fixture.Validate(observation).HasError("Observation.valueCodeableConcept", "No code given");
    }

    [Fact]
    public void ExtensibleBinding_CodeOutside_WarningNotError()
    {
        var observation = Corpus.Observation();
        observation["method"]!["coding"]![0]!["code"] = "marker";
        var report = fixture.Validate(observation);
        report.HasWarning("Observation.method", "extensible");
        report.HasNoErrors();
    }

    [Fact]
    public void RequiredBinding_CoreCode_FromExpansionsPackage()
    {
        var patient = Corpus.Patient();
        patient["gender"] = "femal";
        fixture.Validate(patient).HasError("Patient.gender", "http://hl7.org/fhir/ValueSet/administrative-gender");
    }

    [Fact]
    public void RequiredBinding_InsideComplexExtension_Error()
    {
        var patient = Corpus.Patient();
        patient["extension"]![0]!["extension"]![0]!["valueCode"] = "medium";
        fixture.Validate(patient).HasError("Patient.extension[0].extension[0].valueCode", "which is required here");
    }

    [Fact]
    public void RequiredBinding_QuantityUnit_Error()
    {
        var path = Path.Combine(ValidatorFixture.ExampleFolder(PackageExamples.Mcode, PackageExamples.McodeVersion), "Observation-bodyweight-jenny-m-2018-03-16.json");
        var observation = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        observation["valueQuantity"]!["code"] = "mg";
        fixture.Validate(observation).HasError("Observation.valueQuantity.code", "'mg' is not in the value set http://hl7.org/fhir/ValueSet/ucum-bodyweight");
    }

    [Fact]
    public void SnomedCode_ContentNotHeld_InformationNotError()
    {
        var path = Path.Combine(ValidatorFixture.ExampleFolder(PackageExamples.Mcode, PackageExamples.McodeVersion), "Condition-primary-cancer-condition-jenny-m.json");
        var report = fixture.Validator.Validate(File.ReadAllBytes(path));
        report.HasNoErrors();
        report.Has(OperationOutcome.IssueSeverity.Information, "Condition.code", "http://snomed.info/sct is not held locally");
    }
}
