using System.Net;
using System.Text.Json.Nodes;
using FhirOncology.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;

namespace FhirOncology.IntegrationTests.Reports;

/// <summary>
/// A referring organisation A (the EHR), another referring organisation B, and the reviewing organisation R that
/// owns the referral Tasks. Each test submits its own referral (the profile example with a fresh referrer
/// identifier) and, where it needs one, its own report document (the profile example pointed at that referral's
/// patient, with an outcome Observation in the outcome section).
/// </summary>
public sealed class ReportServer : FhirServerFactory, IAsyncLifetime
{
    public const string Base = "http://localhost/fhir";
    public const string Reviewer = "org-r";
    private const string Outcomes = "https://fhironcology.org/fhir/CodeSystem/review-outcome";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Auth:ClientOrganizations:ehr-a"] = "org-a",
        ["Auth:ClientOrganizations:ehr-b"] = "org-b",
        ["Auth:ClientOrganizations:review-r"] = Reviewer,
        ["Referrals:ReviewingOrganizations:0"] = Reviewer,
    };

    public HttpClient A { get; private set; } = null!;

    public HttpClient B { get; private set; } = null!;

    public HttpClient R { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        A = CreateClient(TestIssuer.Shared.CreateToken("ehr-a", DefaultScopes));
        B = CreateClient(TestIssuer.Shared.CreateToken("ehr-b", DefaultScopes));
        R = CreateClient(TestIssuer.Shared.CreateToken("review-r", DefaultScopes));
        var centre = new Organization { Id = Reviewer, Active = true, Name = "Review centre R (synthetic)" };
        var response = await R.PutAsync("/fhir/Organization/" + Reviewer, FhirHttp.Json(centre));
        Assert.True(response.IsSuccessStatusCode, $"PUT Organization: {response.StatusCode}");
    }

    /// <summary>A posts the complete example referral (transaction) with its own identifiers; the Task is owned by R.</summary>
    public async Task<Referral> ReferralAsync()
    {
        // The complete example (with an imaging report and recent labs), so intake does not put the Task on hold.
        var text = Referrals.ReferralExample.Complete(Reviewer).ToJsonString();
        var response = await A.PostAsync("/fhir", FhirHttp.Json(text));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var locations = (await response.ReadAsync<Bundle>()).Entry.Select(e => e.Response.Location.Split('/')).ToList();
        string Id(string type) => locations.First(l => l[0] == type)[1];
        return new Referral(Id("Patient"), Id("ServiceRequest"), Id("Task"));
    }

    /// <summary>R takes the Task through received and accepted to in-progress.</summary>
    public async Task StartReviewAsync(string taskId, string until = "in-progress")
    {
        foreach (var status in new[] { "received", "accepted", "in-progress" })
        {
            var task = JsonNode.Parse(await R.GetStringAsync("/fhir/Task/" + taskId))!.AsObject();
            task["status"] = status;
            var response = await R.PutAsync("/fhir/Task/" + taskId, FhirHttp.Json(task.ToJsonString()));
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            if (status == until)
            {
                return;
            }
        }
    }

    /// <summary>A referral whose Task R is working on.</summary>
    public async Task<Referral> InReviewAsync()
    {
        var referral = await ReferralAsync();
        await StartReviewAsync(referral.TaskId);
        return referral;
    }

    /// <summary>
    /// The example report document about <paramref name="patientId"/>: the Patient entry gets this server's fullUrl,
    /// Composition.subject points at it, and the outcome section holds an Observation with the outcome code.
    /// </summary>
    public static JsonObject Document(string patientId, string outcome = "standard-care")
    {
        var document = JsonNode.Parse(File.ReadAllText(Example("Bundle-second-opinion-nsclc-erbb2.json")))!.AsObject();
        document.Remove("id");
        document["identifier"]!["value"] = "urn:uuid:" + Guid.NewGuid();
        var entries = document["entry"]!.AsArray();
        var patientEntry = entries.Single(e => (string?)e!["resource"]!["resourceType"] == "Patient")!;
        var patientUrl = (string)patientEntry["fullUrl"]!;
        patientEntry["fullUrl"] = $"{Base}/Patient/{patientId}";
        patientEntry["resource"]!["id"] = patientId;
        // bundle.html#references: the entries have urn:uuid fullUrls, so a relative Patient/{id} would not resolve
        // inside the document; the absolute URL matches the Patient entry's fullUrl.
        var text = document.ToJsonString().Replace($"\"{patientUrl}\"", $"\"{Base}/Patient/{patientId}\"", StringComparison.Ordinal);
        document = JsonNode.Parse(text)!.AsObject();
        entries = document["entry"]!.AsArray();
        var observationUrl = "urn:uuid:" + Guid.NewGuid();
        entries.Add(new JsonObject
        {
            ["fullUrl"] = observationUrl,
            ["resource"] = new JsonObject
            {
                ["resourceType"] = "Observation",
                ["status"] = "final",
                ["code"] = Coding("https://fhironcology.org/fhir/CodeSystem/report-section", "review-outcome", "Outcome"),
                ["subject"] = new JsonObject { ["reference"] = $"{Base}/Patient/{patientId}" },
                ["valueCodeableConcept"] = Coding(Outcomes, outcome, null),
            },
        });
        var section = document["entry"]![0]!["resource"]!["section"]!.AsArray()
            .Single(s => (string?)s!["code"]!["coding"]![0]!["code"] == "review-outcome")!;
        section["entry"] = new JsonArray(new JsonObject { ["reference"] = observationUrl });
        return document;
    }

    public static async Task<string> CaseVersionAsync(HttpClient client, string type, string id)
    {
        var response = await client.GetAsync($"/fhir/{type}/{id}/$case-bundle");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadAsync<Bundle>()).Identifier.Value;
    }

    public static async Task<string> ObservationAsync(HttpClient client, string patientId)
    {
        var observation = new Observation
        {
            Status = ObservationStatus.Final,
            Code = new CodeableConcept("http://loinc.org", "718-7"),
            Subject = new ResourceReference("Patient/" + patientId),
            Value = new Quantity(12.1m, "g/dL"),
        };
        var response = await client.PostAsync("/fhir/Observation", FhirHttp.Json(observation));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadAsync<Observation>()).Id;
    }

    public static string Example(string file) => Path.Combine(AppContext.BaseDirectory, "profile-examples", file);

    private static JsonObject Coding(string system, string code, string? display)
    {
        var coding = new JsonObject { ["system"] = system, ["code"] = code };
        if (display is not null)
        {
            coding["display"] = display;
        }

        return new JsonObject { ["coding"] = new JsonArray(coding) };
    }
}

public sealed record Referral(string PatientId, string ServiceRequestId, string TaskId);
