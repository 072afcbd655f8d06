using System.Text.Json;
using System.Text.Json.Nodes;
using FhirOncology.Validation.Invariants;
using FhirOncology.Validation.Structure;
using FhirOncology.Validation.Tests.Support;
using Hl7.Fhir.Model;

namespace FhirOncology.Validation.Tests.Invariants;

/// <summary>
/// Invariants the SDK's FHIRPath engine evaluates (outside the JSON subset: intersect(), resolve()): %context is the
/// constrained element, %resource the resource holding it even inside a Bundle entry (fhirpath.html#environment-variables),
/// resolve() follows Bundle references, and each Bundle entry's POCO is parsed once, on its own.
/// </summary>
public sealed class SdkInvariantTests(ValidatorFixture fixture)
{
    private static readonly CodeableConcept MarkerCode = new("http://fhironcology.example/fhir/CodeSystem/onc-test-codes", "marker");

    [Fact]
    public void ElementInvariant_ContextAndResource_ViolatedOnTheComponent_ErrorThere()
    {
        var observation = Corpus.Observation();
        observation["component"]![2]!["code"] = Coding("marker");
        var issue = fixture.Validate(observation).HasError("Observation.component[2]", "onc-3");
        Assert.Equal("Observation.component", issue.ElementId);
    }

    [Fact]
    public void ElementInvariant_ContextAndResource_Held_NoIssue()
    {
        var report = fixture.Validate(Corpus.Observation());
        report.HasNoErrors();
        Assert.DoesNotContain(report.Issues, issue => issue.Rule == "onc-3");
    }

    [Fact]
    public void ElementInvariant_InsideBundleEntry_ResourceIsTheEntryNotTheBundle()
    {
        var bundle = Corpus.Bundle();
        bundle["entry"]![2]!["resource"]!["component"]![2]!["code"] = Coding("marker");
        var report = fixture.Validate(bundle);
        report.HasError("Bundle.entry[2].resource.component[2]", "onc-3");
        Assert.Single(report.Issues, issue => issue.Rule == "onc-3");
    }

    [Fact]
    public void ResolveInvariant_TargetInSameBundleAboutAnotherSubject_Warning()
    {
        var bundle = Corpus.Bundle();
        bundle["entry"]![2]!["resource"]!["subject"]!["reference"] = "Patient/someone-else";
        var report = fixture.Validate(bundle);
        var issue = report.HasWarning("Bundle.entry[0].resource", "onc-4");
        Assert.Contains("Results found in the same Bundle are about the report's subject", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResolveInvariant_TargetInSameBundleAboutTheSubject_NoIssue()
    {
        var report = fixture.Validate(Corpus.Bundle());
        report.HasNoErrors();
        Assert.DoesNotContain(report.Issues, issue => issue.Rule == "onc-4");
    }

    [Fact]
    public void SdkOnlyMode_BundleEntryInvariants_SameFindingsAsJsonSubset()
    {
        var bundle = Corpus.Bundle();
        bundle["entry"]![2]!["resource"]!["identifier"]![0]!["period"] = new JsonObject { ["start"] = "2024-05-02", ["end"] = "2024-05-01" };
        var json = bundle.ToJsonString();
        var onJson = fixture.Validator.Validate(json).Issues.Select(i => i.ToString()).Order(StringComparer.Ordinal);
        var onSdk = fixture.Validator.Validate(json, null, new ValidationContext { SdkInvariantsOnly = true }).Issues.Select(i => i.ToString()).Order(StringComparer.Ordinal);
        Assert.Equal(onJson, onSdk);
        Assert.Contains(fixture.Validator.Validate(json).Errors, issue => issue.Location == "Bundle.entry[2].resource.identifier[0].period" && issue.Rule == "per-1");
    }

    [Fact]
    public void PocoCache_NodesOfOneEntry_ThatEntryParsedOnceAndAlone()
    {
        using var document = JsonDocument.Parse(Corpus.Bundle().ToJsonString());
        var cache = new PocoCache(document.RootElement);
        var entry = InstancePath.Root("Bundle").Child("entry", "entry", 2).Child("resource", "resource", -1);
        var component = entry.Child("component", "component", 1);

        var node = cache.Node(component.Child("code", "code", -1), entry);
        var resource = cache.Node(entry, entry);

        Assert.IsType<CodeableConcept>(node!.Poco);
        Assert.IsType<Observation>(resource!.Poco);
        Assert.Equal(1, cache.Parses);

        var root = cache.Node(InstancePath.Root("Bundle").Child("type", "type", -1), InstancePath.Root("Bundle"));
        Assert.NotNull(root);
        Assert.Equal(2, cache.Parses); // the Bundle itself only when something on the Bundle needs it
    }

    private static JsonObject Coding(string code) => JsonNode.Parse(
        $$"""{ "coding": [ { "system": "{{MarkerCode.Coding[0].System}}", "code": "{{code}}" } ] }""")!.AsObject();
}
