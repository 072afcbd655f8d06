using System.Text.Json.Nodes;
using FhirOncology.Validation.Tests.Support;

namespace FhirOncology.Validation.Tests.OwnProfiles;

/// <summary>The report Composition profile (second-opinion-report), inside its document Bundle.</summary>
public sealed class SecondOpinionReportTests(OwnProfilesFixture fixture)
{
    private const string Composition = "Bundle.entry[0].resource";

    [Theory]
    [InlineData("case-summary", "caseSummary")]
    [InlineData("51969-4", "molecularFindings")]
    [InlineData("warnings", "warnings")]
    [InlineData("review-outcome", "outcome")]
    public void RequiredSection_Missing_ErrorAtComposition(string code, string slice)
    {
        var bundle = Examples.DocumentBundle();
        var composition = bundle["entry"]![0]!["resource"]!.AsObject();
        composition["section"]!.AsArray().RemoveAt(Examples.SectionIndex(composition, code));
        fixture.Validate(bundle).HasError(Composition, $"section:{slice}: at least 1 required, found 0");
    }

    [Fact]
    public void Section_WithoutNarrative_ErrorAtSection()
    {
        var bundle = Examples.DocumentBundle();
        var composition = bundle["entry"]![0]!["resource"]!.AsObject();
        var index = Examples.SectionIndex(composition, "18776-5");
        composition["section"]![index]!.AsObject().Remove("text");
        fixture.Validate(bundle).HasError($"{Composition}.section[{index}]", "text: at least 1 required, found 0");
    }

    [Fact]
    public void Section_WithoutTitle_ErrorAtSection()
    {
        var bundle = Examples.DocumentBundle();
        var composition = bundle["entry"]![0]!["resource"]!.AsObject();
        var index = Examples.SectionIndex(composition, "case-summary");
        composition["section"]![index]!.AsObject().Remove("title");
        fixture.Validate(bundle).HasError($"{Composition}.section[{index}]", "title: at least 1 required, found 0");
    }

    [Fact]
    public void ExtraSection_WithoutNarrative_ErrorAtSection()
    {
        var bundle = Examples.DocumentBundle();
        var sections = bundle["entry"]![0]!["resource"]!["section"]!.AsArray();
        sections.Add(new JsonObject
        {
            ["title"] = "Tumour board",
            ["code"] = new JsonObject { ["text"] = "Tumour board discussion" },
            ["entry"] = new JsonArray(new JsonObject { ["reference"] = (string)bundle["entry"]![1]!["fullUrl"]! }),
        });
        fixture.Validate(bundle).HasError($"{Composition}.section[{sections.Count - 1}]", "text: at least 1 required, found 0");
    }

    [Fact]
    public void Section_Twice_ErrorAtSecond()
    {
        var bundle = Examples.DocumentBundle();
        var composition = bundle["entry"]![0]!["resource"]!.AsObject();
        var sections = composition["section"]!.AsArray();
        sections.Add(sections[Examples.SectionIndex(composition, "warnings")]!.DeepClone());
        fixture.Validate(bundle).HasError($"{Composition}.section[{sections.Count - 1}]", "section:warnings: at most 1 allowed, found 2");
    }

    [Fact]
    public void Type_NotAConsultNote_ErrorAtType()
    {
        var bundle = Examples.DocumentBundle();
        bundle["entry"]![0]!["resource"]!["type"]!["coding"]![0]!["code"] = "34133-9";
        fixture.Validate(bundle).HasError($"{Composition}.type", "11488-4");
    }

    [Fact]
    public void Custodian_Missing_ErrorAtComposition()
    {
        var bundle = Examples.DocumentBundle();
        bundle["entry"]![0]!["resource"]!.AsObject().Remove("custodian");
        fixture.Validate(bundle).HasError(Composition, "custodian: at least 1 required, found 0");
    }

    [Fact]
    public void TrialOptions_EntryAnObservation_ErrorAtEntry()
    {
        var bundle = Examples.DocumentBundle();
        var composition = bundle["entry"]![0]!["resource"]!.AsObject();
        var index = Examples.SectionIndex(composition, "trial-options");
        var variant = bundle["entry"]![Examples.EntryIndex(bundle, "Observation")]!["fullUrl"]!.GetValue<string>();
        composition["section"]![index]!["entry"] = new JsonArray(new JsonObject { ["reference"] = variant });
        fixture.Validate(bundle).HasError($"{Composition}.section[{index}].entry[0]", "only ResearchStudy, ResearchSubject may be referenced");
    }
}
