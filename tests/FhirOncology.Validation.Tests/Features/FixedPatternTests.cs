using System.Text.Json.Nodes;
using FhirOncology.Validation.Tests.Support;

namespace FhirOncology.Validation.Tests.Features;

/// <summary>fixed[x] is exact, pattern[x] is "at least this" (profiling.html#fixed, #pattern).</summary>
public sealed class FixedPatternTests(ValidatorFixture fixture)
{
    [Fact]
    public void FixedCode_Different_ErrorAtElement()
    {
        var observation = Corpus.Observation();
        observation["status"] = "preliminary";
        fixture.Validate(observation).HasError("Observation.status", "must be exactly \"final\"");
    }

    [Fact]
    public void PatternCodeableConcept_CodingMissing_ErrorAtElement()
    {
        var observation = Corpus.Observation();
        observation["code"]!["coding"]![0]!["code"] = "size";
        fixture.Validate(observation).HasError("Observation.code", "must match the pattern");
    }

    [Fact]
    public void PatternCodeableConcept_ExtraCodingAndText_Accepted()
    {
        var observation = Corpus.Observation();
        observation["code"]!["coding"]!.AsArray().Insert(0, new JsonObject { ["system"] = "http://loinc.org", ["code"] = "1234-5" });
        observation["code"]!["coding"]![1]!["display"] = "Test marker";
        fixture.Validate(observation).HasNoErrors();
    }

    [Fact]
    public void FixedUri_OnExtensionDefinition_UsedToMatchAndChecked()
    {
        var observation = Corpus.Observation();
        observation["extension"]![0]!["valueBoolean"] = "yes";
        fixture.Validate(observation).HasError("Observation.extension[0].valueBoolean", "must be a JSON boolean");
    }
}
