using System.Text.Json.Nodes;
using FhirOncology.Validation.Tests.Support;

namespace FhirOncology.Validation.Tests.Features;

/// <summary>Bundles (bundle.html): each entry against its own meta.profile, references between entries.</summary>
public sealed class BundleTests(ValidatorFixture fixture)
{
    [Fact]
    public void Entry_BreaksItsOwnProfile_ErrorInsideEntry()
    {
        var bundle = Corpus.Bundle();
        bundle["entry"]![1]!["resource"]!["gender"] = "unknown-gender";
        fixture.Validate(bundle).HasError("Bundle.entry[1].resource.gender", "administrative-gender");
    }

    [Fact]
    public void Entry_RelativeReferenceNotInBundle_LeftToTheServerNoError()
    {
        var bundle = Corpus.Bundle();
        bundle["entry"]![2]!["resource"]!["subject"]!["reference"] = "Patient/not-in-bundle";
        var report = fixture.Validate(bundle);
        Assert.DoesNotContain(report.Errors, issue => issue.Location == "Bundle.entry[2].resource.subject");
    }

    [Fact]
    public void Entry_UrnReference_MustResolveInBundle()
    {
        var bundle = Corpus.Bundle();
        bundle["entry"]![2]!["resource"]!["subject"]!["reference"] = "urn:uuid:0d4e8c3a-2d5b-4e36-9e63-4a0c6d4f5b11";
        fixture.Validate(bundle).HasError("Bundle.entry[2].resource.subject", "does not resolve to an entry of this Bundle");
    }

    [Fact]
    public void Entry_WithoutResourceType_Error()
    {
        var bundle = Corpus.Bundle();
        bundle["entry"]!.AsArray().Add(new JsonObject { ["resource"] = new JsonObject { ["id"] = "x" } });
        fixture.Validate(bundle).HasError("Bundle.entry[3].resource", "no resourceType");
    }
}
