using System.Net;
using System.Text.Json.Nodes;
using FhirOncology.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;

namespace FhirOncology.IntegrationTests.Referrals;

/// <summary>
/// The completeness check on intake and on demand, and the missing-records loop (issue #6): missing records put the
/// Task on hold with a CommunicationRequest to the referrer; supplying them resumes it.
/// </summary>
public sealed class CompletenessTests(ReferralServer server) : IClassFixture<ReferralServer>
{
    private const string MissingKind = "https://fhironcology.org/fhir/CodeSystem/missing-record-kind";
    private const string BusinessStatus = "https://fhironcology.org/fhir/CodeSystem/referral-business-status";

    [Fact]
    public async Task Referral_WithoutImagingAndRecentLabs_GoesOnHoldWithACommunicationRequestToTheRequester()
    {
        var referral = await server.SubmitAsync(ReferralExample.Load());

        var task = await ReadTaskAsync(referral.TaskId);
        Assert.Equal(Hl7.Fhir.Model.Task.TaskStatus.OnHold, task.Status);
        Assert.Equal("awaiting-information", BusinessStatusCode(task));
        Assert.Equal("2", task.Meta.VersionId);
        var first = await ReferralServer.ReadAsync<Hl7.Fhir.Model.Task>(server.Ehr, $"Task/{referral.TaskId}/_history/1");
        Assert.Equal(Hl7.Fhir.Model.Task.TaskStatus.Requested, first.Status);

        var request = await OpenRequestAsync(referral.TaskId);
        Assert.Equal(RequestStatus.Active, request.Status);
        Assert.Equal(["imaging-report", "recent-labs"], MissingCodes(request));
        Assert.Equal(task.Requester.Reference, Assert.Single(request.Recipient).Reference);
        Assert.Equal("Organization/" + ReferralServer.OrgR, request.Sender.Reference);
        Assert.Equal("ServiceRequest/" + referral.ServiceRequestId, Assert.Single(request.About).Reference);
        Assert.Equal("Patient/" + referral.PatientId, request.Subject.Reference);
        Assert.Equal(2, request.Payload.Count);
        // The reviewer sees the same request on the case it owns.
        Assert.Equal(request.Id, (await OpenRequestAsync(referral.TaskId, server.Reviewer)).Id);
    }

    [Fact]
    public async Task Referral_MissingRecordsSupplied_ResumesTheTaskAndCompletesTheRequest()
    {
        var referral = await server.SubmitAsync(ReferralExample.Load());
        var request = await OpenRequestAsync(referral.TaskId);

        await CreateAsync(ReferralExample.ImagingReport("Patient/" + referral.PatientId));

        var waiting = await ReadTaskAsync(referral.TaskId);
        Assert.Equal(Hl7.Fhir.Model.Task.TaskStatus.OnHold, waiting.Status);
        var narrowed = await ReferralServer.ReadAsync<CommunicationRequest>(server.Ehr, "CommunicationRequest/" + request.Id);
        Assert.Equal(["recent-labs"], MissingCodes(narrowed));
        Assert.Equal(RequestStatus.Active, narrowed.Status);

        await CreateAsync(ReferralExample.RecentLab("Patient/" + referral.PatientId));

        var resumed = await ReadTaskAsync(referral.TaskId);
        Assert.Equal(Hl7.Fhir.Model.Task.TaskStatus.Requested, resumed.Status);
        Assert.Equal("information-received", BusinessStatusCode(resumed));
        var answered = await ReferralServer.ReadAsync<CommunicationRequest>(server.Ehr, "CommunicationRequest/" + request.Id);
        Assert.Equal(RequestStatus.Completed, answered.Status);
        Assert.Equal(0, await ReferralServer.CountAsync(server.Ehr, $"CommunicationRequest?based-on=Task/{referral.TaskId}&status=active"));
    }

    [Fact]
    public async Task CheckCompleteness_OnTheServiceRequest_ListsWhatIsMissing()
    {
        var referral = await server.SubmitAsync(ReferralExample.Load());

        var result = await CheckAsync(server.Ehr, "ServiceRequest/" + referral.ServiceRequestId);

        Assert.False(((FhirBoolean)result.GetSingle("complete").Value).Value);
        Assert.Equal(["imaging-report", "recent-labs"], result.Get("missing").Select(p => ((Coding)p.Value).Code));
        Assert.All(result.Get("missing"), p => Assert.Equal(MissingKind, ((Coding)p.Value).System));
        var task = result.GetSingle("task");
        Assert.Equal($"Task/{referral.TaskId}/_history/2", ((ResourceReference)task.Part.Single(p => p.Name == "reference").Value).Reference);
        Assert.Equal("on-hold", ((Code)task.Part.Single(p => p.Name == "status").Value).Value);
        Assert.StartsWith("CommunicationRequest/", ((ResourceReference)task.Part.Single(p => p.Name == "communicationRequest").Value).Reference, StringComparison.Ordinal);
        Assert.Equal("2", (await ReadTaskAsync(referral.TaskId)).Meta.VersionId); // checking again changes nothing
    }

    [Fact]
    public async Task CheckCompleteness_CompleteReferral_ReportsCompleteAndChangesNothing()
    {
        var referral = await server.SubmitAsync(ReferralExample.Complete());

        var result = await CheckAsync(server.Reviewer, "Task/" + referral.TaskId);

        Assert.True(((FhirBoolean)result.GetSingle("complete").Value).Value);
        Assert.Empty(result.Get("missing"));
        Assert.Equal("1", (await ReadTaskAsync(referral.TaskId)).Meta.VersionId);
    }

    [Fact]
    public async Task Referral_MolecularReviewWithoutGenomicReport_ListsTheGenomicReport()
    {
        var bundle = ReferralExample.Complete();
        WithoutGenomicReport(bundle);

        var referral = await server.SubmitAsync(bundle);

        Assert.Equal(["genomic-report"], MissingCodes(await OpenRequestAsync(referral.TaskId)));
        Assert.Equal(Hl7.Fhir.Model.Task.TaskStatus.OnHold, (await ReadTaskAsync(referral.TaskId)).Status);
    }

    [Fact]
    public async Task Referral_GeneralReviewWithoutGenomicReport_IsComplete()
    {
        var bundle = ReferralExample.Complete();
        WithoutGenomicReport(bundle);
        ReferralExample.Resource(bundle, "ServiceRequest")["code"]!["coding"]![0]!["code"] = "general";
        ReferralExample.Resource(bundle, "ServiceRequest")["code"]!["coding"]![0]!["display"] = "General oncology review";

        var referral = await server.SubmitAsync(bundle);

        Assert.Equal(Hl7.Fhir.Model.Task.TaskStatus.Requested, (await ReadTaskAsync(referral.TaskId)).Status);
    }

    [Fact]
    public async Task CheckCompleteness_InProgressReferralLosesItsRecentLabs_HoldsAndResumesToInProgress()
    {
        var bundle = ReferralExample.Complete();
        var lab = bundle["entry"]!.AsArray().Count - 1; // Complete() adds the recent lab last
        var referral = await server.SubmitAsync(bundle);
        var labId = referral.Response.Entry[lab].Response.Location.Split('/')[1];
        await ReferralServer.MovedAsync(server.Reviewer, referral.TaskId, "received");
        var accepted = await ReferralServer.MovedAsync(server.Reviewer, referral.TaskId, "accepted");
        await ReferralServer.MovedAsync(server.Reviewer, referral.TaskId, "in-progress");
        Assert.Equal(HttpStatusCode.NoContent, (await server.Ehr.DeleteAsync("/fhir/Observation/" + labId)).StatusCode);

        var result = await CheckAsync(server.Reviewer, "Task/" + referral.TaskId);

        Assert.Equal(["recent-labs"], result.Get("missing").Select(p => ((Coding)p.Value).Code));
        var held = await ReadTaskAsync(referral.TaskId);
        Assert.Equal(Hl7.Fhir.Model.Task.TaskStatus.OnHold, held.Status);
        Assert.Equal("awaiting-information", BusinessStatusCode(held));

        await CreateAsync(ReferralExample.RecentLab("Patient/" + referral.PatientId, daysAgo: 0));

        var resumed = await ReadTaskAsync(referral.TaskId);
        Assert.Equal(Hl7.Fhir.Model.Task.TaskStatus.InProgress, resumed.Status);
        Assert.Equal("information-received", BusinessStatusCode(resumed));
        Assert.Equal(accepted.Restriction.Period.End, resumed.Restriction.Period.End); // the due date stays
    }

    [Fact]
    public async Task CheckCompleteness_ServiceRequestWithoutReferralTask_Returns422AndGetReturns405()
    {
        var referral = await server.SubmitAsync(ReferralExample.Complete());
        var plain = await server.Ehr.PostAsync("/fhir/ServiceRequest", FhirHttp.Json(new ServiceRequest
        {
            Status = RequestStatus.Active,
            Intent = RequestIntent.Order,
            Subject = new ResourceReference("Patient/" + referral.PatientId),
        }));
        var plainId = (await plain.ReadAsync<ServiceRequest>()).Id;

        var response = await server.Ehr.PostAsync($"/fhir/ServiceRequest/{plainId}/$check-completeness", EmptyBody());
        await response.AssertOutcomeAsync(HttpStatusCode.UnprocessableEntity, OperationOutcome.IssueType.BusinessRule);

        var get = await server.Ehr.GetAsync($"/fhir/Task/{referral.TaskId}/$check-completeness");
        await get.AssertOutcomeAsync(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task CheckCompleteness_ByAnOrganisationOutsideTheCase_Returns404()
    {
        var referral = await server.SubmitAsync(ReferralExample.Load());

        var response = await server.OtherEhr.PostAsync($"/fhir/Task/{referral.TaskId}/$check-completeness", EmptyBody());

        await response.AssertOutcomeAsync(HttpStatusCode.NotFound);
    }

    /// <summary>The operation has no input parameters: POST with an empty body (operations.html#executing).</summary>
    private static StringContent EmptyBody() => FhirHttp.Json("");

    private static void WithoutGenomicReport(JsonObject bundle)
    {
        var report = ReferralExample.Resource(bundle, "DiagnosticReport");
        report.Remove("meta");
        report["code"] = JsonNode.Parse("""{"coding":[{"system":"http://loinc.org","code":"11502-2","display":"Laboratory report"}]}""");
        report["category"] = JsonNode.Parse("""[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0074","code":"LAB"}]}]""");
    }

    private async Task<Parameters> CheckAsync(HttpClient client, string target)
    {
        var response = await client.PostAsync($"/fhir/{target}/$check-completeness", EmptyBody());
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"$check-completeness: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<Parameters>();
    }

    private async Task CreateAsync(JsonObject resource)
    {
        var response = await server.Ehr.PostAsync("/fhir/" + (string)resource["resourceType"]!, FhirHttp.Json(resource.ToJsonString()));
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"create: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private Task<Hl7.Fhir.Model.Task> ReadTaskAsync(string id) => ReferralServer.ReadAsync<Hl7.Fhir.Model.Task>(server.Ehr, "Task/" + id);

    private async Task<CommunicationRequest> OpenRequestAsync(string taskId, HttpClient? client = null)
    {
        var found = await ReferralServer.SearchAsync(client ?? server.Ehr, $"CommunicationRequest?based-on=Task/{taskId}&status=active");
        return Assert.IsType<CommunicationRequest>(Assert.Single(found.Entry).Resource);
    }

    private static string[] MissingCodes(CommunicationRequest request) =>
        [.. request.ReasonCode.SelectMany(c => c.Coding).Where(c => c.System == MissingKind).Select(c => c.Code)];

    private static string? BusinessStatusCode(Hl7.Fhir.Model.Task task) =>
        task.BusinessStatus?.Coding.SingleOrDefault(c => c.System == BusinessStatus)?.Code;
}
