using System.Globalization;
using System.Text.Json.Nodes;

namespace FhirOncology.IntegrationTests.Referrals;

/// <summary>
/// profiles/examples/Bundle-referral-nsclc-erbb2.json made ready to submit: owned by (and performed by) reviewing
/// organisation R, with a fresh referral identifier and MRN. As is, it lacks an imaging report and recent laboratory
/// results; <see cref="Complete"/> adds both.
/// </summary>
public static class ReferralExample
{
    public const string ReferralSystem = "https://referrer.example.org/fhir/sid/referral";
    public const string MrnSystem = "https://referrer.example.org/fhir/sid/mrn";

    public static JsonObject Load(string owner = ReferralServer.OrgR)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "profile-examples", "Bundle-referral-nsclc-erbb2.json"))
            .Replace("Organization/fhironcology-review-centre", "Organization/" + owner, StringComparison.Ordinal);
        var bundle = JsonNode.Parse(text)!.AsObject();
        var unique = Guid.NewGuid().ToString("N")[..12];
        Resource(bundle, "ServiceRequest")["identifier"]![0]!["value"] = "REF-" + unique;
        Resource(bundle, "Patient")["identifier"]![0]!["value"] = "MRN-" + unique;
        return bundle;
    }

    /// <summary>The example with an imaging report (a CT report document) and a blood count of three days ago.</summary>
    public static JsonObject Complete(string owner = ReferralServer.OrgR)
    {
        var bundle = Load(owner);
        Add(bundle, ImagingReport(PatientUrl(bundle)));
        Add(bundle, RecentLab(PatientUrl(bundle)));
        return bundle;
    }

    public static JsonObject ImagingReport(string subject) => new()
    {
        ["resourceType"] = "DocumentReference",
        ["status"] = "current",
        ["type"] = Concept("http://loinc.org", "18748-4", "Diagnostic imaging study"),
        ["subject"] = new JsonObject { ["reference"] = subject },
        ["description"] = "Staging CT chest/abdomen (synthetic)",
        ["content"] = new JsonArray(new JsonObject
        {
            ["attachment"] = new JsonObject { ["contentType"] = "application/pdf", ["title"] = "CT report", ["data"] = "JVBERi0xLjQgc3ludGhldGljCg==" },
        }),
    };

    public static JsonObject RecentLab(string subject, int daysAgo = 3) => new()
    {
        ["resourceType"] = "Observation",
        ["status"] = "final",
        ["category"] = new JsonArray(Concept("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory", "Laboratory")),
        ["code"] = Concept("http://loinc.org", "718-7", "Hemoglobin [Mass/volume] in Blood"),
        ["subject"] = new JsonObject { ["reference"] = subject },
        ["effectiveDateTime"] = DateTime.UtcNow.AddDays(-daysAgo).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["valueQuantity"] = new JsonObject { ["value"] = 12.9, ["unit"] = "g/dL", ["system"] = "http://unitsofmeasure.org", ["code"] = "g/dL" },
    };

    public static JsonObject Resource(JsonObject bundle, string type) => Entry(bundle, type)["resource"]!.AsObject();

    public static JsonObject Entry(JsonObject bundle, string type) => bundle["entry"]![IndexOf(bundle, type)]!.AsObject();

    public static int IndexOf(JsonObject bundle, string type) =>
        bundle["entry"]!.AsArray().Select((e, i) => (Type: (string?)e!["resource"]!["resourceType"], Index: i)).First(e => e.Type == type).Index;

    public static string PatientUrl(JsonObject bundle) => (string)Entry(bundle, "Patient")["fullUrl"]!;

    public static string Identifier(JsonObject bundle) => (string)Resource(bundle, "ServiceRequest")["identifier"]![0]!["value"]!;

    public static string Mrn(JsonObject bundle) => (string)Resource(bundle, "Patient")["identifier"]![0]!["value"]!;

    /// <summary>Appends a POST entry with a fresh urn:uuid fullUrl and returns its index.</summary>
    public static int Add(JsonObject bundle, JsonObject resource)
    {
        var entries = bundle["entry"]!.AsArray();
        entries.Add(new JsonObject
        {
            ["fullUrl"] = "urn:uuid:" + Guid.NewGuid(),
            ["resource"] = resource,
            ["request"] = new JsonObject { ["method"] = "POST", ["url"] = (string)resource["resourceType"]! },
        });
        return entries.Count - 1;
    }

    private static JsonObject Concept(string system, string code, string display) =>
        new() { ["coding"] = new JsonArray(new JsonObject { ["system"] = system, ["code"] = code, ["display"] = display }) };
}
