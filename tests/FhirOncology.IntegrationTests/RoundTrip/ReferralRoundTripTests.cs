using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using FhirOncology.IntegrationTests.Infrastructure;
using FhirOncology.IntegrationTests.Referrals;
using FhirOncology.IntegrationTests.Reports;
using FhirOncology.IntegrationTests.Subscriptions;
using Hl7.Fhir.Model;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using FhirTask = Hl7.Fhir.Model.Task;

namespace FhirOncology.IntegrationTests.RoundTrip;

/// <summary>
/// One second opinion from end to end, over HTTP only, as the two parties see it (issue #6): the referring EHR
/// (ehr-rt) subscribes, refers an incomplete case, supplies what is missing; the reviewing organisation (review-rt)
/// works the Task through its states, reads the case bundle and delivers the report; the EHR is told and reads the
/// report document. The other test classes check each rule in depth; this one checks they fit together.
/// </summary>
public sealed class ReferralRoundTripTests(RoundTripServer server) : IClassFixture<RoundTripServer>, IDisposable
{
    private const string BusinessStatus = "https://fhironcology.org/fhir/CodeSystem/referral-business-status";
    private const string TaskOutput = "https://fhironcology.org/fhir/CodeSystem/referral-task-output";
    private const string TaskInput = "https://fhironcology.org/fhir/CodeSystem/referral-task-input";

    /// <summary>The EHR's FHIR endpoint that receives the notifications (a FHIR base: payload PUTs go to [base]/Task/{id}).</summary>
    private readonly WireMockServer _ehrEndpoint = WireMockServer.Start();

    [Fact]
    public async Task Referral_RoundTrip_FromSubscriptionToTheDeliveredReport()
    {
        // (a) subscription.html: the EHR asks to hear about its referral Tasks with a rest-hook Subscription and a
        // FHIR payload. Its endpoint is down for the first delivery (500) and up afterwards.
        _ehrEndpoint.Given(Request.Create().WithPath("/ehr/fhir/*").UsingPut()).InScenario("ehr").WillSetStateTo("up")
            .RespondWith(Response.Create().WithStatusCode(500));
        _ehrEndpoint.Given(Request.Create().WithPath("/ehr/fhir/*").UsingPut()).InScenario("ehr").WhenStateIs("up")
            .RespondWith(Response.Create().WithStatusCode(200));
        var subscription = new JsonObject
        {
            ["resourceType"] = "Subscription",
            ["status"] = "requested", // only the server makes it active (Subscription.status)
            ["reason"] = "Second-opinion case updates",
            ["criteria"] = $"Task?owner=Organization/{RoundTripServer.ReviewCentre}",
            ["channel"] = new JsonObject
            {
                ["type"] = "rest-hook",
                ["endpoint"] = _ehrEndpoint.Url + "/ehr/fhir",
                ["payload"] = "application/fhir+json",
            },
        };
        var subscribed = await server.Ehr.PostAsync("/fhir/Subscription", FhirHttp.Json(subscription.ToJsonString()));
        Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);
        Assert.Equal(Subscription.SubscriptionStatus.Active, (await subscribed.ReadAsync<Subscription>()).Status);

        // (b) workflow-management.html (option: a Task with focus on the ServiceRequest, sent as one transaction):
        // the example referral without imaging and recent labs is stored, and the server puts the Task on hold
        // (task.html#statemachine: requested -> on-hold) with a CommunicationRequest for the missing records.
        var bundle = ReferralExample.Load(RoundTripServer.ReviewCentre);
        var referral = await SubmitAsync(bundle);
        var held = await ReferralServer.ReadAsync<FhirTask>(server.Ehr, "Task/" + referral.TaskId);
        Assert.Equal(FhirTask.TaskStatus.OnHold, held.Status);
        Assert.Equal("awaiting-information", BusinessStatusOf(held));
        var request = Assert.IsType<CommunicationRequest>(Assert.Single((await ReferralServer.SearchAsync(server.Ehr,
            $"CommunicationRequest?based-on=Task/{referral.TaskId}&status=active")).Entry).Resource);
        Assert.Equal(["imaging-report", "recent-labs"], request.ReasonCode.Select(c => c.Coding.Single().Code).Order());

        // The same referral sent again (a retry after a lost response) returns the existing Task, not a second one.
        var again = await server.Ehr.PostAsync("/fhir", FhirHttp.Json(bundle.ToJsonString()));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var taskEntry = (await again.ReadAsync<Bundle>()).Entry[ReferralExample.IndexOf(bundle, "Task")];
        Assert.Equal($"Task/{referral.TaskId}/_history/2", taskEntry.Response.Location);
        Assert.Equal(OperationOutcome.IssueType.Duplicate, Assert.IsType<OperationOutcome>(taskEntry.Response.Outcome).Issue.Single().Code);
        Assert.Equal(1, await ReferralServer.CountAsync(server.Ehr, $"Task?focus=ServiceRequest/{referral.ServiceRequestId}"));

        // (c) The EHR supplies the missing records with ordinary creates; the Task resumes where it was (requested)
        // and the CommunicationRequest is completed.
        await CreateAsync(server.Ehr, ReferralExample.ImagingReport("Patient/" + referral.PatientId));
        await CreateAsync(server.Ehr, ReferralExample.RecentLab("Patient/" + referral.PatientId));
        var resumed = await ReferralServer.ReadAsync<FhirTask>(server.Ehr, "Task/" + referral.TaskId);
        Assert.Equal(FhirTask.TaskStatus.Requested, resumed.Status);
        Assert.Equal("information-received", BusinessStatusOf(resumed));
        Assert.Equal(RequestStatus.Completed, (await ReferralServer.ReadAsync<CommunicationRequest>(server.Ehr, "CommunicationRequest/" + request.Id)).Status);

        // (d) The reviewer's work list is a Task search (workflow-management.html: the filler polls for Tasks it owns).
        var workList = await ReferralServer.SearchAsync(server.Reviewer, $"Task?owner=Organization/{RoundTripServer.ReviewCentre}&status=requested");
        Assert.Contains(workList.Entry, e => e.Resource.Id == referral.TaskId);
        // task.html#statemachine: requested cannot jump to completed (422, http.html#update business rules) ...
        var jump = await ReferralServer.MoveAsync(server.Reviewer, referral.TaskId, "completed");
        await jump.AssertOutcomeAsync(HttpStatusCode.UnprocessableEntity, OperationOutcome.IssueType.BusinessRule);
        await ReferralServer.MovedAsync(server.Reviewer, referral.TaskId, "received");
        // ... and only the owner (the filler) accepts: the requester gets 403.
        var byRequester = await ReferralServer.MoveAsync(server.Ehr, referral.TaskId, "accepted");
        await byRequester.AssertOutcomeAsync(HttpStatusCode.Forbidden, OperationOutcome.IssueType.Forbidden);
        var accepted = await ReferralServer.MovedAsync(server.Reviewer, referral.TaskId, "accepted");
        Assert.NotNull(accepted.Restriction?.Period?.End); // the due date, set by the server on acceptance
        await ReferralServer.MovedAsync(server.Reviewer, referral.TaskId, "in-progress");

        // (e) The reviewer reads the whole case as one version-pinned collection Bundle ...
        var caseResponse = await server.Reviewer.GetAsync($"/fhir/Task/{referral.TaskId}/$case-bundle");
        Assert.Equal(HttpStatusCode.OK, caseResponse.StatusCode);
        var caseBundle = await caseResponse.ReadAsync<Bundle>();
        Assert.Equal(Bundle.BundleType.Collection, caseBundle.Type);
        Assert.Contains(caseBundle.Entry, e => e.Resource is Patient p && p.Id == referral.PatientId);
        var reviewedVersion = caseBundle.Identifier.Value;

        // ... a report document that breaks the report rules (bundle.html#document and second-opinion-report: the
        // case summary section is required) is refused with 422 and changes nothing ...
        var broken = ReportServer.Document(referral.PatientId);
        broken["entry"]![0]!["resource"]!["section"]!.AsArray().RemoveAt(0);
        var refused = await server.Reviewer.PostAsync($"/fhir/Task/{referral.TaskId}/$submit-report", FhirHttp.Json(broken.ToJsonString()));
        await refused.AssertOutcomeAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(FhirTask.TaskStatus.InProgress, (await ReferralServer.ReadAsync<FhirTask>(server.Reviewer, "Task/" + referral.TaskId)).Status);

        // ... and the valid one, stating the case-bundle version it was written against, completes the Task.
        var parameters = new JsonObject
        {
            ["resourceType"] = "Parameters",
            ["parameter"] = new JsonArray(
                new JsonObject { ["name"] = "report", ["resource"] = ReportServer.Document(referral.PatientId, "trial-referral") },
                new JsonObject { ["name"] = "caseBundleVersion", ["valueString"] = reviewedVersion }),
        };
        var submitted = await server.Reviewer.PostAsync($"/fhir/Task/{referral.TaskId}/$submit-report", FhirHttp.Json(parameters.ToJsonString()));
        Assert.True(submitted.StatusCode == HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
        var completed = await submitted.ReadAsync<FhirTask>();
        Assert.Equal(FhirTask.TaskStatus.Completed, completed.Status);
        Assert.Equal("report-ready", BusinessStatusOf(completed));
        Assert.Equal("trial-referral", Assert.IsType<CodeableConcept>(Output(completed, "review-outcome").Value).Coding.Single().Code);
        Assert.Equal(reviewedVersion, Assert.IsType<Identifier>(completed.Input
            .Single(i => i.Type.Coding.Any(c => c.System == TaskInput && c.Code == "case-bundle-version")).Value).Value);

        // (f) subscription.html (rest-hook with payload): the EHR endpoint received PUT [base]/Task/{id} with the
        // completed Task. The first delivery met the 500 and was retried with the same version.
        var taskPath = "/ehr/fhir/Task/" + referral.TaskId;
        var delivered = await WaitForDeliveryAsync(taskPath, "completed");
        Assert.Equal("completed", (string?)JsonNode.Parse(delivered.RequestMessage.Body!)!["status"]);
        var puts = _ehrEndpoint.LogEntries.OrderBy(e => e.RequestMessage.DateTime).ToList();
        Assert.Equal(500, StatusOf(puts[0]));
        Assert.Equal(taskPath, puts[0].RequestMessage.Path);
        var firstVersion = VersionOf(puts[0]);
        Assert.Contains(puts.Skip(1), e => e.RequestMessage.Path == taskPath && VersionOf(e) == firstVersion && StatusOf(e) == 200);

        // The EHR reads its Task, follows Task.output to the report Bundle, and asks for the document again with
        // Composition/{id}/$document (composition-operation-document.html), which returns the stored document.
        var polled = await ReferralServer.ReadAsync<FhirTask>(server.Ehr, "Task/" + referral.TaskId);
        Assert.Equal(FhirTask.TaskStatus.Completed, polled.Status);
        var reportReference = Assert.IsType<ResourceReference>(Output(polled, "report-document").Value).Reference;
        var report = await ReferralServer.ReadAsync<Bundle>(server.Ehr, reportReference);
        Assert.Equal(Bundle.BundleType.Document, report.Type); // bundle.html#document: a Composition first
        var composition = Assert.IsType<Composition>(report.Entry[0].Resource);
        Assert.EndsWith("/fhir/Patient/" + referral.PatientId, composition.Subject.Reference, StringComparison.Ordinal); // stored as sent: the entry's fullUrl
        var documentResponse = await server.Ehr.GetAsync($"/fhir/Composition/{reportReference.Split('/')[1]}/$document");
        Assert.Equal(HttpStatusCode.OK, documentResponse.StatusCode);
        var document = await documentResponse.ReadAsync<Bundle>();
        Assert.Equal(Bundle.BundleType.Document, document.Type);
        Assert.Equal(report.Identifier.Value, document.Identifier.Value);
        Assert.Equal(report.Entry.Count, document.Entry.Count);
    }

    public void Dispose() => _ehrEndpoint.Dispose();

    private async Task<SubmittedReferral> SubmitAsync(JsonObject bundle)
    {
        var response = await server.Ehr.PostAsync("/fhir", FhirHttp.Json(bundle.ToJsonString()));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"referral: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var result = await response.ReadAsync<Bundle>();
        string IdOf(string type) => result.Entry[ReferralExample.IndexOf(bundle, type)].Response.Location.Split('/')[1];
        return new SubmittedReferral(IdOf("Patient"), IdOf("ServiceRequest"), IdOf("Task"), ReferralExample.Identifier(bundle), result);
    }

    private static async Task CreateAsync(HttpClient client, JsonObject resource)
    {
        var response = await client.PostAsync("/fhir/" + (string)resource["resourceType"]!, FhirHttp.Json(resource.ToJsonString()));
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{resource["resourceType"]}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<ILogEntry> WaitForDeliveryAsync(string path, string status)
    {
        ILogEntry? found = null;
        await Notifications.Eventually(
            () => System.Threading.Tasks.Task.FromResult((found = _ehrEndpoint.LogEntries.FirstOrDefault(e =>
                e.RequestMessage.Path == path && StatusOf(e) == 200
                && (string?)JsonNode.Parse(e.RequestMessage.Body ?? "{}")!["status"] == status)) is not null),
            () => $"a delivered {status} Task at {path}; got " + string.Join(", ", _ehrEndpoint.LogEntries.Select(e => $"{e.RequestMessage.Path} {StatusOf(e)}")));
        return found!;
    }

    private static int StatusOf(ILogEntry entry) => Convert.ToInt32(entry.ResponseMessage.StatusCode, CultureInfo.InvariantCulture);

    private static string? VersionOf(ILogEntry entry) => (string?)JsonNode.Parse(entry.RequestMessage.Body!)!["meta"]?["versionId"];

    private static string? BusinessStatusOf(FhirTask task) => task.BusinessStatus?.Coding.SingleOrDefault(c => c.System == BusinessStatus)?.Code;

    private static FhirTask.OutputComponent Output(FhirTask task, string code) =>
        task.Output.Single(o => o.Type.Coding.Any(c => c.System == TaskOutput && c.Code == code));
}
