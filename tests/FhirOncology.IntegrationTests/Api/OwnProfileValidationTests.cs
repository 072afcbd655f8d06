using System.Net;
using System.Text.Json.Nodes;
using FhirOncology.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;

namespace FhirOncology.IntegrationTests.Api;

/// <summary>
/// Our own profiles (profiles/definitions, Validation:ProfileFolder) on write: a resource claiming one in meta.profile
/// is validated against it on create, update and in transactions (issue #6).
/// </summary>
public sealed class OwnProfileValidationTests(FhirServerFactory factory) : IClassFixture<FhirServerFactory>
{
    private const string Profiles = "https://fhironcology.org/fhir/StructureDefinition/";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task ReferralTransaction_Example_IsAccepted()
    {
        await EnsureReviewCentreAsync();
        var bundle = Example("Bundle-referral-nsclc-erbb2.json");
        Identifier(bundle)["value"] = "REF-IT-ACCEPTED";

        var response = await _client.PostAsync("/fhir", FhirHttp.Json(bundle.ToJsonString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await (await _client.GetAsync("/fhir/ServiceRequest?identifier=REF-IT-ACCEPTED")).ReadAsync<Bundle>();
        Assert.Equal(Profiles + "referral-servicerequest", Assert.Single(stored.Entry).Resource.Meta.Profile.Single());
    }

    [Fact]
    public async Task ReferralTransaction_ServiceRequestBreaksOurProfile_Returns422AtTheElementAndStoresNothing()
    {
        await EnsureReviewCentreAsync();
        var bundle = Example("Bundle-referral-nsclc-erbb2.json");
        Identifier(bundle)["value"] = "REF-IT-REJECTED";
        var index = bundle["entry"]!.AsArray().Select((e, i) => (Type: (string?)e!["resource"]!["resourceType"], Index: i)).Single(e => e.Type == "ServiceRequest").Index;
        bundle["entry"]![index]!["resource"]!["intent"] = "plan";

        var response = await _client.PostAsync("/fhir", FhirHttp.Json(bundle.ToJsonString()));

        var outcome = await response.AssertOutcomeAsync(HttpStatusCode.UnprocessableEntity);
        var issue = Assert.Single(outcome.Issue, i => i.Expression.Contains($"Bundle.entry[{index}].resource.intent"));
        Assert.Contains(Profiles + "referral-servicerequest", Text(issue), StringComparison.Ordinal);
        Assert.Equal(0, (await (await _client.GetAsync("/fhir/ServiceRequest?identifier=REF-IT-REJECTED&_summary=count")).ReadAsync<Bundle>()).Total);
    }

    [Fact]
    public async Task Task_CreateWithAnotherCode_Returns422AtCode()
    {
        var task = Example("Task-referral-nsclc-erbb2-completed.json");
        task.Remove("id");
        task["status"] = "requested"; // a referral Task starts as requested (Referrals/StateMachineTests)
        task["code"]!["coding"]![0]!["code"] = "approve";

        var response = await _client.PostAsync("/fhir/Task", FhirHttp.Json(task.ToJsonString()));

        var outcome = await response.AssertOutcomeAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains(outcome.Issue, i => i.Expression.Contains("Task.code"));
    }

    [Fact]
    public async Task ReportDocument_Example_IsStoredAndOneWithoutASection_Returns422()
    {
        var document = Example("Bundle-second-opinion-nsclc-erbb2.json");
        document.Remove("id");
        Assert.Equal(HttpStatusCode.Created, (await _client.PostAsync("/fhir/Bundle", FhirHttp.Json(document.ToJsonString()))).StatusCode);

        document["entry"]![0]!["resource"]!["section"]!.AsArray().RemoveAt(0);
        var response = await _client.PostAsync("/fhir/Bundle", FhirHttp.Json(document.ToJsonString()));

        var outcome = await response.AssertOutcomeAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains(outcome.Issue, i => i.Expression.Contains("Bundle.entry[0].resource")
            && Text(i).Contains("section:caseSummary", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_AgainstOurProfileByName_ReportsItsErrors()
    {
        var task = Example("Task-referral-nsclc-erbb2-completed.json");
        task.Remove("meta");
        task.Remove("code");
        var response = await _client.PostAsync($"/fhir/Task/$validate?profile={Profiles}referral-task", FhirHttp.Json(task.ToJsonString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var outcome = await response.ReadAsync<OperationOutcome>();
        Assert.Contains(outcome.Issue, i => i.Severity == OperationOutcome.IssueSeverity.Error
            && Text(i).Contains("code: at least 1 required", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProfileFolder_Missing_ServerRefusesToStart()
    {
        await using var broken = new MissingProfileFolderFactory();
        var error = Assert.ThrowsAny<Exception>(() => broken.CreateClient());
        Assert.Contains("Validation:ProfileFolder", error.ToString(), StringComparison.Ordinal);
    }

    private sealed class MissingProfileFolderFactory : FhirServerFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings =>
            new Dictionary<string, string?> { ["Validation:ProfileFolder"] = Path.Combine(Path.GetTempPath(), "fhironcology-no-such-profiles") };
    }

    private async Task EnsureReviewCentreAsync()
    {
        var centre = new Organization { Id = "fhironcology-review-centre", Active = true, Name = "FhirOncology Review Centre (synthetic)" };
        var response = await _client.PutAsync("/fhir/Organization/fhironcology-review-centre", FhirHttp.Json(centre));
        Assert.True(response.IsSuccessStatusCode, $"PUT Organization: {response.StatusCode}");
    }

    private static string Text(OperationOutcome.IssueComponent issue) => $"{issue.Details?.Text} {issue.Diagnostics}";

    private static JsonObject Identifier(JsonObject referral) =>
        referral["entry"]!.AsArray().Select(e => e!["resource"]!).Single(r => (string?)r["resourceType"] == "ServiceRequest")["identifier"]![0]!.AsObject();

    private static JsonObject Example(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "profile-examples", file)))!.AsObject();
}
