using System.Net;
using System.Text.Json.Nodes;
using FhirOncology.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;

namespace FhirOncology.IntegrationTests.Referrals;

/// <summary>
/// Two referring organisations (A and B) and two reviewing ones (R and S, both in Referrals:ReviewingOrganizations),
/// each with a system client. Referrals are the NSCLC ERBB2 example (profiles/examples) sent by A to R unless a
/// test says otherwise; every test submits its own, with its own identifiers.
/// </summary>
public sealed class ReferralServer : FhirServerFactory, IAsyncLifetime
{
    public const string OrgA = "org-a";
    public const string OrgB = "org-b";
    public const string OrgR = "org-r";
    public const string OrgS = "org-s";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Auth:ClientOrganizations:ehr-a"] = OrgA,
        ["Auth:ClientOrganizations:ehr-b"] = OrgB,
        ["Auth:ClientOrganizations:review-r"] = OrgR,
        ["Auth:ClientOrganizations:review-s"] = OrgS,
        ["Referrals:ReviewingOrganizations:0"] = OrgR,
        ["Referrals:ReviewingOrganizations:1"] = OrgS,
    };

    /// <summary>The referring EHR of organisation A.</summary>
    public HttpClient Ehr { get; private set; } = null!;

    public HttpClient OtherEhr { get; private set; } = null!;

    /// <summary>The reviewing organisation R, owner of the referrals.</summary>
    public HttpClient Reviewer { get; private set; } = null!;

    public HttpClient OtherReviewer { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Ehr = Client("ehr-a");
        OtherEhr = Client("ehr-b");
        Reviewer = Client("review-r");
        OtherReviewer = Client("review-s");
        var admin = CreateClient();
        foreach (var (id, name) in new[] { (OrgR, "Review centre R (synthetic)"), (OrgS, "Review centre S (synthetic)") })
        {
            var response = await admin.PutAsync("/fhir/Organization/" + id, FhirHttp.Json(new Organization { Id = id, Active = true, Name = name }));
            Assert.True(response.IsSuccessStatusCode, $"PUT Organization/{id}: {response.StatusCode}");
        }
    }

    public HttpClient Client(string clientId) => CreateClient(TestIssuer.Shared.CreateToken(clientId, DefaultScopes));

    /// <summary>Posts a referral Bundle, expects 200, and returns the ids the server gave it.</summary>
    public async Task<SubmittedReferral> SubmitAsync(JsonObject bundle, HttpClient? client = null)
    {
        var response = await (client ?? Ehr).PostAsync("/fhir", FhirHttp.Json(bundle.ToJsonString()));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"referral: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var result = await response.ReadAsync<Bundle>();
        string IdOf(string type) => result.Entry[ReferralExample.IndexOf(bundle, type)].Response.Location.Split('/')[1];
        return new SubmittedReferral(IdOf("Patient"), IdOf("ServiceRequest"), IdOf("Task"), ReferralExample.Identifier(bundle), result);
    }

    public static async Task<T> ReadAsync<T>(HttpClient client, string reference) where T : Resource
    {
        var response = await client.GetAsync("/fhir/" + reference);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {reference}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<T>();
    }

    public static async Task<Bundle> SearchAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/fhir/" + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {query}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<Bundle>();
    }

    /// <summary>Reads the Task as <paramref name="client"/> sees it, sets its status (and whatever else), and PUTs it back.</summary>
    public static async Task<HttpResponseMessage> MoveAsync(HttpClient client, string taskId, string status, Action<Hl7.Fhir.Model.Task>? change = null)
    {
        var task = await ReadAsync<Hl7.Fhir.Model.Task>(client, "Task/" + taskId);
        task.Status = Hl7.Fhir.Utility.EnumUtility.ParseLiteral<Hl7.Fhir.Model.Task.TaskStatus>(status);
        change?.Invoke(task);
        return await client.PutAsync("/fhir/Task/" + taskId, FhirHttp.Json(task));
    }

    /// <summary><see cref="MoveAsync"/> that must succeed.</summary>
    public static async Task<Hl7.Fhir.Model.Task> MovedAsync(HttpClient client, string taskId, string status, Action<Hl7.Fhir.Model.Task>? change = null)
    {
        var response = await MoveAsync(client, taskId, status, change);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"-> {status}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<Hl7.Fhir.Model.Task>();
    }

    public static async Task<int> CountAsync(HttpClient client, string query) =>
        (await SearchAsync(client, query + (query.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "_summary=count")).Total ?? -1;
}

/// <summary>What the server stored for a submitted referral.</summary>
public sealed record SubmittedReferral(string PatientId, string ServiceRequestId, string TaskId, string Identifier, Bundle Response);
