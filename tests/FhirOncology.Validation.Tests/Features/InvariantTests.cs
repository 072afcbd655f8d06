using System.Text.Json.Nodes;
using FhirOncology.Validation.Tests.Support;

namespace FhirOncology.Validation.Tests.Features;

/// <summary>Invariants (conformance-rules.html#constraints): profile FHIRPath rules, native core rules, warning severity.</summary>
public sealed class InvariantTests(ValidatorFixture fixture)
{
    [Fact]
    public void ProfileInvariant_FhirPath_Violated_Error()
    {
        var observation = Corpus.Observation();
        observation.Remove("effectiveDateTime");
        var issue = fixture.Validate(observation).HasError("Observation", "onc-1");
        Assert.Equal($"{Corpus.Base}/StructureDefinition/onc-test-observation", issue.Profile);
    }

    [Fact]
    public void WarningInvariant_Violated_WarningOnly()
    {
        var observation = Corpus.Observation();
        observation["note"]![0]!["text"] = new string('x', 300);
        var report = fixture.Validate(observation);
        report.HasWarning("Observation", "onc-2");
        report.HasNoErrors();
    }

    [Fact]
    public void CoreInvariant_Obs6_ValueAndDataAbsentReason_Error()
    {
        var observation = Corpus.Observation();
        observation["dataAbsentReason"] = new JsonObject { ["text"] = "unknown" };
        fixture.Validate(observation).HasError("Observation", "obs-6");
    }

    [Fact]
    public void CoreInvariant_Per1_EndBeforeStart_Error()
    {
        var observation = Corpus.Observation();
        observation["identifier"]![0]!["period"] = new JsonObject { ["start"] = "2024-05-02", ["end"] = "2024-05-01" };
        fixture.Validate(observation).HasError("Observation.identifier[0].period", "per-1");
    }

    [Fact]
    public void TypeInvariant_Qty3_CodeWithoutSystem_Error()
    {
        var observation = Corpus.Observation();
        observation["component"]![0]!["valueQuantity"]!.AsObject().Remove("system");
        fixture.Validate(observation).HasError("Observation.component[0].valueQuantity", "qty-3");
    }

    [Fact]
    public void DatatypeInvariant_EvaluatedByFhirPath_Rat1()
    {
        var observation = Corpus.Observation();
        var component = observation["component"]![2]!.AsObject();
        component.Remove("valueString");
        component["valueRatio"] = new JsonObject { ["numerator"] = new JsonObject { ["value"] = 1 } }; // no denominator
        var issue = fixture.Validate(observation).HasError("Observation.component[2].valueRatio", "rat-1");
        Assert.Equal("http://hl7.org/fhir/StructureDefinition/Ratio", issue.Profile);
    }

    [Fact]
    public void Dom2_ContainedInsideContained_Error()
    {
        var observation = Corpus.Observation();
        observation["contained"] = new JsonArray(new JsonObject
        {
            ["resourceType"] = "Specimen",
            ["id"] = "s1",
            ["contained"] = new JsonArray(new JsonObject { ["resourceType"] = "Specimen", ["id"] = "s2" }),
        });
        observation["specimen"] = new JsonObject { ["reference"] = "#s1" };
        fixture.Validate(observation).HasError("Observation", "dom-2");
    }
}
