using System.Net;
using System.Text.Json.Nodes;
using FhirOncology.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;
using FhirTask = Hl7.Fhir.Model.Task;

namespace FhirOncology.IntegrationTests.Reports;

/// <summary>POST Task/{id}/$submit-report (issue #6, "Report delivery") and reading the report as the EHR.</summary>
public sealed class SubmitReportTests(ReportServer server) : IClassFixture<ReportServer>
{
    private const string TaskOutput = "https://fhironcology.org/fhir/CodeSystem/referral-task-output";
    private const string TaskInput = "https://fhironcology.org/fhir/CodeSystem/referral-task-input";

    [Fact]
    public async Task SubmitReport_ByTheOwner_StoresTheReportAndCompletesTheTask()
    {
        var referral = await server.InReviewAsync();
        var reviewed = await ReportServer.CaseVersionAsync(server.R, "Task", referral.TaskId);

        var response = await Submit(server.R, referral.TaskId, ReportServer.Document(referral.PatientId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var task = await response.ReadAsync<FhirTask>();
        Assert.Equal(FhirTask.TaskStatus.Completed, task.Status);
        Assert.Equal("report-ready", task.BusinessStatus.Coding.Single().Code);
        var report = Assert.IsType<ResourceReference>(Output(task, "report-document").Value).Reference;
        Assert.StartsWith("Bundle/", report, StringComparison.Ordinal);
        Assert.Equal("standard-care", Assert.IsType<CodeableConcept>(Output(task, "review-outcome").Value).Coding.Single().Code);
        var version = Assert.IsType<Identifier>(task.Input.Single(i => i.Type.Coding.Any(c => c.System == TaskInput && c.Code == "case-bundle-version")).Value);
        Assert.Equal(reviewed, version.Value);

        // The EHR polls its Task and reads the report through it (Task/{id}, then Bundle/{id}).
        var polled = await (await server.A.GetAsync($"/fhir/Task/{referral.TaskId}")).ReadAsync<FhirTask>();
        Assert.Equal(FhirTask.TaskStatus.Completed, polled.Status);
        var document = await server.A.GetAsync("/fhir/" + report);
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        var bundle = await document.ReadAsync<Bundle>();
        Assert.Equal(Bundle.BundleType.Document, bundle.Type);
        Assert.Contains("https://fhironcology.org/fhir/StructureDefinition/second-opinion-document", bundle.Meta.Profile);
        Assert.IsType<Composition>(bundle.Entry[0].Resource);
        var composition = await server.A.GetAsync("/fhir/Composition/" + report.Split('/')[1]);
        Assert.Equal(HttpStatusCode.OK, composition.StatusCode);
        Assert.Equal("Patient/" + referral.PatientId, (await composition.ReadAsync<Composition>()).Subject.Reference);
    }

    [Fact]
    public async Task SubmitReport_ParametersWithOutcomesAndTheReviewedVersion_LinksEveryOutcome()
    {
        var referral = await server.InReviewAsync();
        var reviewed = await ReportServer.CaseVersionAsync(server.R, "Task", referral.TaskId);
        var parameters = new JsonObject
        {
            ["resourceType"] = "Parameters",
            ["parameter"] = new JsonArray(
                new JsonObject { ["name"] = "report", ["resource"] = ReportServer.Document(referral.PatientId) },
                Outcome("standard-care"),
                Outcome("trial-referral"),
                new JsonObject { ["name"] = "caseBundleVersion", ["valueString"] = reviewed }),
        };

        var response = await Submit(server.R, referral.TaskId, parameters);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var task = await response.ReadAsync<FhirTask>();
        var outcomes = task.Output.Where(o => o.Type.Coding.Any(c => c.Code == "review-outcome"))
            .Select(o => ((CodeableConcept)o.Value).Coding.Single().Code).Order().ToList();
        Assert.Equal(["standard-care", "trial-referral"], outcomes);
    }

    [Fact]
    public async Task SubmitReport_CaseChangedSinceTheStatedVersion_Returns409AndStoresNothing()
    {
        var referral = await server.InReviewAsync();
        var reviewed = await ReportServer.CaseVersionAsync(server.R, "Task", referral.TaskId);
        await ReportServer.ObservationAsync(server.A, referral.PatientId);
        var document = ReportServer.Document(referral.PatientId);

        var response = await Submit(server.R, referral.TaskId + "/$submit-report?caseBundleVersion=" + reviewed, document, raw: true);

        await response.AssertOutcomeAsync(HttpStatusCode.Conflict, OperationOutcome.IssueType.Conflict);
        await AssertNothingStoredAsync(referral, document);
    }

    [Fact]
    public async Task SubmitReport_DocumentBreaksTheProfile_Returns422AndStoresNothing()
    {
        var referral = await server.InReviewAsync();
        var document = ReportServer.Document(referral.PatientId);
        document["entry"]![0]!["resource"]!["section"]!.AsArray().RemoveAt(0); // the case summary is required

        var response = await Submit(server.R, referral.TaskId, document);

        var outcome = await response.AssertOutcomeAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains(outcome.Issue, i => $"{i.Details?.Text} {i.Diagnostics}".Contains("section:caseSummary", StringComparison.Ordinal));
        await AssertNothingStoredAsync(referral, document);
    }

    [Fact]
    public async Task SubmitReport_WithoutAnOutcome_Returns422()
    {
        var referral = await server.InReviewAsync();
        var document = ReportServer.Document(referral.PatientId);
        document["entry"]![0]!["resource"]!["section"]!.AsArray().Single(s => (string?)s!["code"]!["coding"]![0]!["code"] == "review-outcome")!.AsObject().Remove("entry");

        var response = await Submit(server.R, referral.TaskId, document);

        await response.AssertOutcomeAsync(HttpStatusCode.UnprocessableEntity, OperationOutcome.IssueType.Invariant);
        await AssertNothingStoredAsync(referral, document);
    }

    [Fact]
    public async Task SubmitReport_AboutAnotherPatient_Returns422()
    {
        var referral = await server.InReviewAsync();
        var other = await server.ReferralAsync();

        var response = await Submit(server.R, referral.TaskId, ReportServer.Document(other.PatientId));

        await response.AssertOutcomeAsync(HttpStatusCode.UnprocessableEntity, OperationOutcome.IssueType.Invariant);
    }

    [Fact]
    public async Task SubmitReport_ByTheRequester_Returns403()
    {
        var referral = await server.InReviewAsync();

        var response = await Submit(server.A, referral.TaskId, ReportServer.Document(referral.PatientId));

        await response.AssertOutcomeAsync(HttpStatusCode.Forbidden, OperationOutcome.IssueType.Forbidden);
    }

    [Fact]
    public async Task SubmitReport_ByAnOrganisationOutsideTheCase_Returns404()
    {
        var referral = await server.InReviewAsync();

        var response = await Submit(server.B, referral.TaskId, ReportServer.Document(referral.PatientId));

        await response.AssertOutcomeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SubmitReport_TaskNotYetAccepted_Returns409()
    {
        var referral = await server.ReferralAsync();
        await server.StartReviewAsync(referral.TaskId, until: "received");

        var response = await Submit(server.R, referral.TaskId, ReportServer.Document(referral.PatientId));

        await response.AssertOutcomeAsync(HttpStatusCode.Conflict, OperationOutcome.IssueType.BusinessRule);
    }

    [Fact]
    public async Task SubmitReport_WithGet_Returns405()
    {
        var referral = await server.ReferralAsync();

        var response = await server.R.GetAsync($"/fhir/Task/{referral.TaskId}/$submit-report");

        await response.AssertOutcomeAsync(HttpStatusCode.MethodNotAllowed);
    }

    private async Task AssertNothingStoredAsync(Referral referral, JsonObject document)
    {
        var task = await (await server.R.GetAsync($"/fhir/Task/{referral.TaskId}")).ReadAsync<FhirTask>();
        Assert.Equal(FhirTask.TaskStatus.InProgress, task.Status);
        Assert.Empty(task.Output);
        var identifier = (string)document["identifier"]!["value"]!;
        var stored = await (await server.R.GetAsync($"/fhir/Bundle?identifier={Uri.EscapeDataString(identifier)}&_summary=count")).ReadAsync<Bundle>();
        Assert.Equal(0, stored.Total);
        var compositions = await (await server.R.GetAsync($"/fhir/Composition?subject=Patient/{referral.PatientId}&_summary=count")).ReadAsync<Bundle>();
        Assert.Equal(0, compositions.Total);
    }

    internal static Task<HttpResponseMessage> Submit(HttpClient client, string taskId, JsonObject body, bool raw = false) =>
        client.PostAsync(raw ? "/fhir/Task/" + taskId : $"/fhir/Task/{taskId}/$submit-report", FhirHttp.Json(body.ToJsonString()));

    private static FhirTask.OutputComponent Output(FhirTask task, string code) =>
        task.Output.Single(o => o.Type.Coding.Any(c => c.System == TaskOutput && c.Code == code));

    private static JsonObject Outcome(string code) => new()
    {
        ["name"] = "outcome",
        ["valueCoding"] = new JsonObject { ["system"] = "https://fhironcology.org/fhir/CodeSystem/review-outcome", ["code"] = code },
    };
}
