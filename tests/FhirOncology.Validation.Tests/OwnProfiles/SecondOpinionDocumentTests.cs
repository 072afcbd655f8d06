using System.Text.Json.Nodes;
using FhirOncology.Validation.Tests.Support;

namespace FhirOncology.Validation.Tests.OwnProfiles;

/// <summary>
/// The report document Bundle profile (second-opinion-document) and the core document rules it relies on:
/// bdl-9 (identifier with system and value), bdl-10 (timestamp), bdl-11 (a Composition first), bundle.html#document.
/// </summary>
public sealed class SecondOpinionDocumentTests(OwnProfilesFixture fixture)
{
    [Fact]
    public void FirstEntry_NotTheComposition_Bdl11AndSliceOrderErrors()
    {
        var bundle = Examples.DocumentBundle();
        var entries = bundle["entry"]!.AsArray();
        var composition = entries[0]!.DeepClone();
        entries.RemoveAt(0);
        entries.Add(composition);
        var report = fixture.Validate(bundle);
        report.HasError("Bundle", "bdl-11");
        report.HasError($"Bundle.entry[{entries.Count - 1}]", "open only at the end");
    }

    [Fact]
    public void Identifier_WithoutSystem_Bdl9()
    {
        var bundle = Examples.DocumentBundle();
        bundle["identifier"]!.AsObject().Remove("system");
        fixture.Validate(bundle).HasError("Bundle", "bdl-9");
    }

    [Fact]
    public void Identifier_Missing_Bdl9AndCardinality()
    {
        var bundle = Examples.DocumentBundle();
        bundle.Remove("identifier");
        var report = fixture.Validate(bundle);
        report.HasError("Bundle", "bdl-9");
        report.HasError("Bundle", "identifier: at least 1 required, found 0");
    }

    [Fact]
    public void Timestamp_Missing_Bdl10AndCardinality()
    {
        var bundle = Examples.DocumentBundle();
        bundle.Remove("timestamp");
        var report = fixture.Validate(bundle);
        report.HasError("Bundle", "bdl-10");
        report.HasError("Bundle", "timestamp: at least 1 required, found 0");
    }

    [Theory]
    [InlineData("bdl-9", "identifier")]
    [InlineData("bdl-10", "timestamp")]
    public void CoreBundle_WithoutOurProfile_StillEnforcesDocumentRules(string rule, string element)
    {
        var bundle = Examples.DocumentBundle();
        bundle.Remove("meta");
        bundle.Remove(element);
        fixture.Validate(bundle).HasError("Bundle", rule);
    }

    [Fact]
    public void CoreBundle_WithoutOurProfile_ObservationFirst_Bdl11()
    {
        var bundle = Examples.DocumentBundle();
        bundle.Remove("meta");
        var entries = bundle["entry"]!.AsArray();
        entries.RemoveAt(0);
        fixture.Validate(bundle).HasError("Bundle", "bdl-11");
    }

    [Fact]
    public void Type_Collection_ErrorAtType()
    {
        var bundle = Examples.DocumentBundle();
        bundle["type"] = "collection";
        fixture.Validate(bundle).HasError("Bundle.type", "document");
    }

    [Fact]
    public void Composition_Missing_ErrorAtBundle()
    {
        var bundle = Examples.DocumentBundle();
        bundle["entry"]!.AsArray().RemoveAt(0);
        fixture.Validate(bundle).HasError("Bundle", "entry:composition: at least 1 required, found 0");
    }

    [Fact]
    public void Entry_WithRequest_ErrorAtRequest()
    {
        var bundle = Examples.DocumentBundle();
        bundle["entry"]![1]!["request"] = new JsonObject { ["method"] = "POST", ["url"] = "Patient" };
        fixture.Validate(bundle).HasError("Bundle.entry[1].request", "request: at most 0 allowed");
    }

    [Fact]
    public void CompositionEntry_WithRequest_ErrorAtRequest()
    {
        var bundle = Examples.DocumentBundle();
        bundle["entry"]![0]!["request"] = new JsonObject { ["method"] = "POST", ["url"] = "Composition" };
        fixture.Validate(bundle).HasError("Bundle.entry[0].request", "request: at most 0 allowed");
    }

    [Fact]
    public void CompositionEntry_WithoutFullUrl_ErrorAtEntry()
    {
        var bundle = Examples.DocumentBundle();
        bundle["entry"]![0]!.AsObject().Remove("fullUrl");
        fixture.Validate(bundle).HasError("Bundle.entry[0]", "fullUrl: at least 1 required, found 0");
    }

    [Fact]
    public void Reference_ToAResourceOutsideTheDocument_Error()
    {
        var bundle = Examples.DocumentBundle();
        var composition = bundle["entry"]![0]!["resource"]!.AsObject();
        var index = Examples.SectionIndex(composition, "51969-4");
        composition["section"]![index]!["entry"]![0]!["reference"] = "Observation/held-elsewhere";
        fixture.Validate(bundle).HasError("Bundle", "second-opinion-document-1");
    }

    [Fact]
    public void Reference_UrnNotInTheDocument_Error()
    {
        var bundle = Examples.DocumentBundle();
        bundle["entry"]![0]!["resource"]!["subject"]!["reference"] = "urn:uuid:00000000-0000-4000-8000-000000000000";
        var report = fixture.Validate(bundle);
        report.HasError("Bundle.entry[0].resource.subject", "does not resolve to an entry of this Bundle");
        report.HasError("Bundle", "second-opinion-document-1");
    }
}
