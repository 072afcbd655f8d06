using System.Text.Json.Nodes;

namespace FhirOncology.Validation.Tests.OwnProfiles;

/// <summary>The examples of profiles/examples and the resources inside them, each loaded fresh.</summary>
public static class Examples
{
    public const string Referral = "Bundle-referral-nsclc-erbb2.json";
    public const string Document = "Bundle-second-opinion-nsclc-erbb2.json";
    public const string CompletedTask = "Task-referral-nsclc-erbb2-completed.json";

    /// <summary>The referral transaction Bundle (NSCLC, ERBB2 exon 20 insertion).</summary>
    public static JsonObject ReferralBundle() => OwnProfilesFixture.Example(Referral);

    /// <summary>The second-opinion report document Bundle of the same case.</summary>
    public static JsonObject DocumentBundle() => OwnProfilesFixture.Example(Document);

    /// <summary>The referral's Task after the review: outputs report, outcome and a trial match.</summary>
    public static JsonObject CompletedReferralTask() => OwnProfilesFixture.Example(CompletedTask);

    /// <summary>The referral ServiceRequest, taken out of the transaction Bundle.</summary>
    public static JsonObject ServiceRequest() => Entry(ReferralBundle(), "ServiceRequest");

    /// <summary>The referral Task as submitted (status requested), taken out of the transaction Bundle.</summary>
    public static JsonObject RequestedTask() => Entry(ReferralBundle(), "Task");

    public static JsonObject Entry(JsonObject bundle, string resourceType) =>
        bundle["entry"]!.AsArray().Select(e => e!["resource"]!.AsObject())
            .Single(r => (string?)r["resourceType"] == resourceType).DeepClone().AsObject();

    public static int EntryIndex(JsonObject bundle, string resourceType) =>
        bundle["entry"]!.AsArray().Select((e, i) => (Type: (string?)e!["resource"]!["resourceType"], Index: i))
            .Single(e => e.Type == resourceType).Index;

    /// <summary>The Composition's section with this code.</summary>
    public static int SectionIndex(JsonObject composition, string code) =>
        composition["section"]!.AsArray().Select((s, i) => (Code: (string?)s!["code"]!["coding"]![0]!["code"], Index: i))
            .Single(s => s.Code == code).Index;
}
