using System.Text.Json.Nodes;
using FhirOncology.Validation.Tests.Support;

namespace FhirOncology.Validation.Tests.Features;

/// <summary>Extensions (extensibility.html, defining-extensions.html#context).</summary>
public sealed class ExtensionTests(ValidatorFixture fixture)
{
    [Fact]
    public void Extension_OutsideItsContext_Error()
    {
        var patient = Corpus.Patient();
        patient["extension"]!.AsArray().Add(new JsonObject { ["url"] = $"{Corpus.Base}/StructureDefinition/onc-test-flag", ["valueBoolean"] = true });
        fixture.Validate(patient).HasError("Patient.extension[1]", "is not allowed on Patient");
    }

    [Fact]
    public void Extension_ContextOnNestedElement_AcceptedWhereItsDatatypeIsUsed()
    {
        var observation = Corpus.Observation();
        observation["bodySite"] = new JsonObject
        {
            ["extension"] = new JsonArray(new JsonObject
            {
                ["url"] = "http://hl7.org/fhir/StructureDefinition/observation-structureLaterality",
                ["valueCodeableConcept"] = new JsonObject
                {
                    ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://snomed.info/sct", ["code"] = "7771000" }),
                },
            }),
            ["text"] = "breast",
        };
        observation["component"]![0]!["valueQuantity"]!["extension"] = new JsonArray(new JsonObject
        {
            ["url"] = "http://hl7.org/fhir/StructureDefinition/quantity-accuracy",
            ["valueQuantity"] = new JsonObject { ["value"] = 1, ["unit"] = "mm", ["system"] = "http://unitsofmeasure.org", ["code"] = "mm" },
        });
        fixture.Validate(observation).HasNoErrors();
    }

    [Fact]
    public void Extension_ContextOnNestedElement_ElsewhereError()
    {
        var observation = Corpus.Observation();
        observation["method"]!["extension"] = new JsonArray(new JsonObject
        {
            ["url"] = "http://hl7.org/fhir/StructureDefinition/observation-structureLaterality",
            ["valueCodeableConcept"] = new JsonObject { ["text"] = "left" },
        });
        fixture.Validate(observation).HasError("Observation.method.extension[0]", "is not allowed on Observation.method");
    }

    [Fact]
    public void Extension_WrongValueType_Error()
    {
        var observation = Corpus.Observation();
        var flag = observation["extension"]![0]!.AsObject();
        flag.Remove("valueBoolean");
        flag["valueString"] = "yes";
        fixture.Validate(observation).HasError("Observation.extension[0]", "Unknown element 'valueString'");
    }

    [Fact]
    public void UnknownModifierExtension_Error()
    {
        var observation = Corpus.Observation();
        observation["modifierExtension"] = new JsonArray(new JsonObject { ["url"] = "http://example.org/unknown-modifier", ["valueBoolean"] = true });
        fixture.Validate(observation).HasError("Observation.modifierExtension[0]", "Unknown modifier extension");
    }

    [Fact]
    public void UnknownExtension_WarningNotError()
    {
        var observation = Corpus.Observation();
        observation["extension"]!.AsArray().Add(new JsonObject { ["url"] = "http://example.org/unknown", ["valueString"] = "x" });
        var report = fixture.Validate(observation);
        report.HasWarning("Observation.extension[1]", "is not known here");
        report.HasNoErrors();
    }

    [Fact]
    public void ComplexExtension_UnknownSubExtension_ClosedSlicingError()
    {
        var patient = Corpus.Patient();
        patient["extension"]![0]!["extension"]!.AsArray().Add(new JsonObject { ["url"] = "other", ["valueString"] = "x" });
        fixture.Validate(patient).HasError("Patient.extension[0].extension[2]", "slicing is closed");
    }

    [Fact]
    public void Extension_ValueAndNestedExtensions_Ext1()
    {
        var observation = Corpus.Observation();
        observation["extension"]![0]!["extension"] = new JsonArray(new JsonObject { ["url"] = "http://example.org/x", ["valueString"] = "x" });
        fixture.Validate(observation).HasError("Observation.extension[0]", "ext-1");
    }

    [Fact]
    public void CoreExtension_FromExtensionsPackage_Validated()
    {
        var patient = Corpus.Patient();
        patient["_birthDate"] = new JsonObject
        {
            ["extension"] = new JsonArray(new JsonObject { ["url"] = "http://hl7.org/fhir/StructureDefinition/patient-birthTime", ["valueString"] = "8am" }),
        };
        fixture.Validate(patient).HasError("Patient.birthDate.extension[0]", "Unknown element 'valueString'");
    }
}
