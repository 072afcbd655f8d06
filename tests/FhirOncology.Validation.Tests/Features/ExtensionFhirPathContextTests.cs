using System.Text.Json.Nodes;
using FhirOncology.Validation.Tests.Support;
using Hl7.Fhir.Model;

namespace FhirOncology.Validation.Tests.Features;

/// <summary>
/// Extension contexts of type fhirpath (defining-extensions.html#context: "all elements that match the FHIRPath query"):
/// the expression runs on the resource, and the element holding the extension must be among its results; and context
/// invariants (StructureDefinition.contextInvariant), which must hold on that element, %extension being the extension.
/// </summary>
public sealed class ExtensionFhirPathContextTests(ValidatorFixture fixture)
{
    private const string SizeMethod = Corpus.Base + "/StructureDefinition/onc-test-size-method";
    private const string NoteSource = Corpus.Base + "/StructureDefinition/onc-test-note-source";
    private const string BirthSource = Corpus.Base + "/StructureDefinition/onc-test-birth-source";
    private const string BrokenContext = Corpus.Base + "/StructureDefinition/onc-test-broken-context";
    private const string MeasuredWith = Corpus.Base + "/StructureDefinition/onc-test-measured-with";

    [Fact]
    public void JsonSubsetContext_OnSelectedElement_Accepted()
    {
        var observation = Corpus.Observation();
        AddExtension(observation["component"]![0]!, SizeMethod);
        fixture.Validate(observation).HasNoErrors();
    }

    [Fact]
    public void JsonSubsetContext_OnElementNotSelected_Error()
    {
        var observation = Corpus.Observation();
        AddExtension(observation["component"]![1]!, SizeMethod);
        var issue = fixture.Validate(observation).HasError("Observation.component[1].extension[0]",
            $"Extension {SizeMethod} is not allowed on Observation.component; it may be used on fhirpath Observation.component.where(code.coding.code = 'size')");
        Assert.Equal(OperationOutcome.IssueType.Structure, issue.Code);
    }

    [Fact]
    public void JsonSubsetContext_InsideBundleEntry_EvaluatedOnTheEntry()
    {
        var bundle = Corpus.Bundle();
        AddExtension(bundle["entry"]![2]!["resource"]!["component"]![0]!, SizeMethod);
        AddExtension(bundle["entry"]![2]!["resource"]!["component"]![1]!, SizeMethod);
        var report = fixture.Validate(bundle);
        report.HasError("Bundle.entry[2].resource.component[1].extension[0]", "is not allowed on Observation.component");
        Assert.DoesNotContain(report.Errors, issue => issue.Location.StartsWith("Bundle.entry[2].resource.component[0]", StringComparison.Ordinal));
    }

    [Fact]
    public void SdkContext_OnSelectedElement_Accepted()
    {
        var observation = Corpus.Observation();
        AddExtension(observation["note"]![0]!, NoteSource);
        fixture.Validate(observation).HasNoErrors();
    }

    [Fact]
    public void SdkContext_OnElementNotSelected_Error()
    {
        var observation = Corpus.Observation();
        observation["note"]![0]!["text"] = "lower-case note";
        AddExtension(observation["note"]![0]!, NoteSource);
        fixture.Validate(observation).HasError("Observation.note[0].extension[0]",
            "is not allowed on Observation.note; it may be used on fhirpath Observation.note.where(text.matches('^[A-Z]'))");
    }

    [Fact]
    public void PrimitiveContext_OnThePrimitive_Accepted()
    {
        var patient = Corpus.Patient();
        patient["_birthDate"] = new JsonObject { ["extension"] = new JsonArray(Extension(BirthSource)) };
        fixture.Validate(patient).HasNoErrors();
    }

    [Fact]
    public void PrimitiveContext_OnAnotherPrimitive_Error()
    {
        var patient = Corpus.Patient();
        patient["_gender"] = new JsonObject { ["extension"] = new JsonArray(Extension(BirthSource)) };
        fixture.Validate(patient).HasError("Patient.gender.extension[0]", "is not allowed on Patient.gender");
    }

    [Fact]
    public void ContextThatDoesNotCompile_InformationNotError()
    {
        var observation = Corpus.Observation();
        AddExtension(observation["note"]![0]!, BrokenContext);
        var report = fixture.Validate(observation);
        report.HasNoErrors();
        report.Has(OperationOutcome.IssueSeverity.Information, "Observation.note[0].extension[0]", "could not be evaluated here, so its use on Observation.note was not checked");
    }

    [Fact]
    public void ContextInvariants_Hold_NoIssue()
    {
        var observation = Corpus.Observation();
        AddExtension(observation["component"]![0]!, MeasuredWith, "caliper");
        var report = fixture.Validate(observation);
        report.HasNoErrors();
        Assert.DoesNotContain(report.Issues, issue => issue.Location.StartsWith("Observation.component[0].extension", StringComparison.Ordinal));
    }

    [Fact]
    public void ContextInvariantOnHost_Fails_Error()
    {
        var observation = Corpus.Observation();
        AddExtension(observation["component"]![1]!, MeasuredWith, "caliper"); // a CodeableConcept value, not a Quantity
        var issue = fixture.Validate(observation).HasError("Observation.component[1].extension[0]",
            "is used on Observation.component where its context invariant value.ofType(Quantity).exists() does not hold");
        Assert.Equal(Hl7.Fhir.Model.OperationOutcome.IssueType.Invariant, issue.Code);
    }

    [Fact]
    public void ContextInvariantOnExtension_EvaluatedByTheSdk_Fails_Error()
    {
        var observation = Corpus.Observation();
        AddExtension(observation["component"]![0]!, MeasuredWith, "Caliper!");
        fixture.Validate(observation).HasError("Observation.component[0].extension[0]",
            "where its context invariant %extension.value.matches('^[a-z ]+$') does not hold");
    }

    private static void AddExtension(JsonNode element, string url, string value = "x")
    {
        var extensions = element["extension"] as JsonArray ?? [];
        extensions.Add(Extension(url, value));
        element["extension"] = extensions;
    }

    private static JsonObject Extension(string url, string value = "x") => new() { ["url"] = url, ["valueString"] = value };
}
