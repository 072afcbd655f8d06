using System.Text.Json.Nodes;
using FhirOncology.Validation.Tests.Support;

namespace FhirOncology.Validation.Tests.Features;

/// <summary>Cardinality at every level (profiling.html#cardinality): the resource, nested elements, slices, type profiles.</summary>
public sealed class CardinalityTests(ValidatorFixture fixture)
{
    [Fact]
    public void RequiredElement_Missing_ErrorAtParent()
    {
        var observation = Corpus.Observation();
        observation.Remove("subject");
        fixture.Validate(observation).HasError("Observation", "subject: at least 1 required, found 0");
    }

    [Fact]
    public void Maximum_Exceeded_ErrorAtFirstExtraItem()
    {
        var observation = Corpus.Observation();
        observation["note"]!.AsArray().Add(new JsonObject { ["text"] = "second" });
        fixture.Validate(observation).HasError("Observation.note[1]", "note: at most 1 allowed, found 2");
    }

    [Fact]
    public void InsideSlice_RequiredChildMissing_ErrorAtSliceItem()
    {
        var observation = Corpus.Observation();
        observation["component"]![0]!.AsObject().Remove("valueQuantity");
        fixture.Validate(observation).HasError("Observation.component[0]", "value[x]: at least 1 required");
    }

    [Fact]
    public void InsideTypeProfile_RequiredSubExtensionMissing_ErrorAtExtension()
    {
        var patient = Corpus.Patient();
        patient["extension"]![0]!["extension"]!.AsArray().RemoveAt(0);
        fixture.Validate(patient).HasError("Patient.extension[0]", "extension:level: at least 1 required, found 0");
    }

    [Theory]
    [InlineData(0, "below the minimum 0.1")]
    [InlineData(600, "above the maximum 500")]
    public void MinMaxValue_OutOfRange_ErrorAtValue(int value, string fragment)
    {
        var observation = Corpus.Observation();
        observation["component"]![0]!["valueQuantity"]!["value"] = value;
        fixture.Validate(observation).HasError("Observation.component[0].valueQuantity.value", fragment);
    }

    [Fact]
    public void NestedDatatype_BaseCardinality_Checked()
    {
        var observation = Corpus.Observation();
        observation["referenceRange"] = new JsonArray(new JsonObject { ["text"] = "normal", ["low"] = new JsonObject { ["value"] = 1 }, ["type"] = new JsonArray() });
        fixture.Validate(observation).HasError("Observation.referenceRange[0].type", "must not be a JSON array");
    }
}
