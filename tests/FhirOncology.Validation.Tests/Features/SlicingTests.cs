using System.Text.Json.Nodes;
using FhirOncology.Validation.Tests.Support;

namespace FhirOncology.Validation.Tests.Features;

/// <summary>Slicing (profiling.html#slicing): discriminator kinds, slice cardinality, closed / openAtEnd / ordered.</summary>
public sealed class SlicingTests(ValidatorFixture fixture)
{
    [Fact]
    public void PatternDiscriminator_RequiredSliceMissing_Error()
    {
        var observation = Corpus.Observation();
        observation["category"]![0]!["coding"]![0]!["code"] = "imaging";
        fixture.Validate(observation).HasError("Observation", "category:lab: at least 1 required, found 0");
    }

    [Fact]
    public void ExistsDiscriminator_ItemWithoutPeriod_NotInSlice()
    {
        var observation = Corpus.Observation();
        observation["identifier"]![0]!.AsObject().Remove("period");
        fixture.Validate(observation).HasError("Observation", "identifier:dated: at least 1 required, found 0");
    }

    [Fact]
    public void OrderedSlicing_SlicesSwapped_Error()
    {
        var observation = Corpus.Observation();
        var components = observation["component"]!.AsArray();
        var size = components[0]!.DeepClone();
        components[0] = components[1]!.DeepClone();
        components[1] = size;
        fixture.Validate(observation).HasError("Observation.component[1]", "out of order");
    }

    [Fact]
    public void OpenAtEnd_UnmatchedItemFirst_Error()
    {
        var observation = Corpus.Observation();
        var components = observation["component"]!.AsArray();
        var extra = components[2]!.DeepClone();
        components.RemoveAt(2);
        components.Insert(0, extra);
        fixture.Validate(observation).HasError("Observation.component[1]", "open only at the end");
    }

    [Fact]
    public void SliceMaximum_Exceeded_Error()
    {
        var observation = Corpus.Observation();
        var components = observation["component"]!.AsArray();
        components.Insert(1, components[0]!.DeepClone());
        fixture.Validate(observation).HasError("Observation.component[1]", "component:size: at most 1 allowed, found 2");
    }

    [Fact]
    public void TypeDiscriminator_ClosedSlicing_UnexpectedResourceType_Error()
    {
        var bundle = Corpus.Bundle();
        bundle["entry"]!.AsArray().Add(new JsonObject
        {
            ["fullUrl"] = "http://fhironcology.example/fhir/Organization/lab",
            ["resource"] = new JsonObject { ["resourceType"] = "Organization", ["id"] = "lab", ["name"] = "Lab" },
        });
        fixture.Validate(bundle).HasError("Bundle.entry[3]", "matches none of the slices");
    }

    [Fact]
    public void TypeDiscriminator_RequiredSliceMissing_Error()
    {
        var bundle = Corpus.Bundle();
        bundle["entry"]!.AsArray().RemoveAt(0);
        fixture.Validate(bundle).HasError("Bundle", "entry:report: at least 1 required, found 0");
    }

    [Fact]
    public void ProfileDiscriminatorThroughResolve_TargetNotConformant_SliceMissing()
    {
        var bundle = Corpus.Bundle();
        var observation = bundle["entry"]![2]!["resource"]!.AsObject();
        observation["meta"]!["profile"] = new JsonArray("http://hl7.org/fhir/StructureDefinition/Observation");
        observation["status"] = "preliminary"; // breaks onc-test-observation's fixed status
        fixture.Validate(bundle).HasError("Bundle.entry[0].resource", "result:marker: at least 1 required, found 0");
    }

    [Fact]
    public void ProfileDiscriminatorThroughResolve_ConformantTarget_Accepted() =>
        fixture.Validate(Corpus.Bundle()).HasNoErrors();

    [Fact]
    public void ValueDiscriminatorOnUrl_ExtensionMatchedToItsSlice()
    {
        var observation = Corpus.Observation();
        observation["extension"]!.AsArray().Add(observation["extension"]![0]!.DeepClone());
        fixture.Validate(observation).HasError("Observation.extension[1]", "extension:flag: at most 1 allowed, found 2");
    }
}
