using System.Net;
using System.Text.Json.Nodes;
using FhirOncology.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace FhirOncology.IntegrationTests.Referrals;

/// <summary>
/// Intake of a referral transaction Bundle (issue #6): the referral-level rules beyond single-resource profiles,
/// each violation a 422 OperationOutcome naming the entry, and nothing stored.
/// </summary>
public sealed class IntakeTests(ReferralServer server) : IClassFixture<ReferralServer>
{
    private const string TaskProfile = "https://fhironcology.org/fhir/StructureDefinition/referral-task";

    [Fact]
    public async Task Referral_CompleteExample_StoresTheReferralWithItsTaskRequested()
    {
        var bundle = ReferralExample.Complete();

        var referral = await server.SubmitAsync(bundle);

        Assert.Equal(Bundle.BundleType.TransactionResponse, referral.Response.Type);
        Assert.All(referral.Response.Entry, entry => Assert.Equal("201 Created", entry.Response.Status));
        var task = await ReferralServer.ReadAsync<Hl7.Fhir.Model.Task>(server.Ehr, "Task/" + referral.TaskId);
        Assert.Equal(Hl7.Fhir.Model.Task.TaskStatus.Requested, task.Status);
        Assert.Equal("1", task.Meta.VersionId);
        Assert.Equal("ServiceRequest/" + referral.ServiceRequestId, task.Focus.Reference);
        Assert.Equal("Patient/" + referral.PatientId, task.For.Reference);
        Assert.Equal(TaskProfile, Assert.Single(task.Meta.Profile));
        Assert.Equal(0, await ReferralServer.CountAsync(server.Ehr, "CommunicationRequest?based-on=Task/" + referral.TaskId));
        // The owner sees the referral it was sent.
        var owned = await ReferralServer.SearchAsync(server.Reviewer, $"Task?owner=Organization/{ReferralServer.OrgR}&_id={referral.TaskId}");
        Assert.Single(owned.Entry);
    }

    [Fact]
    public async Task Referral_WithoutPatient_Returns422AndStoresNothing()
    {
        var bundle = ReferralExample.Complete();
        bundle["entry"]!.AsArray().RemoveAt(ReferralExample.IndexOf(bundle, "Patient"));

        var outcome = await AssertRejectedAsync(bundle);

        Assert.Contains(outcome.Issue, i => i.Expression.Contains("Bundle.entry") && i.Diagnostics.Contains("exactly one Patient", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Referral_WithASecondPatient_Returns422NamingThatEntry()
    {
        var bundle = ReferralExample.Complete();
        var second = ReferralExample.Add(bundle, JsonNode.Parse(FhirHttp.NewPatient("SECOND-" + Guid.NewGuid().ToString("N")).ToJson())!.AsObject());

        var outcome = await AssertRejectedAsync(bundle);

        var issue = Assert.Single(outcome.Issue);
        Assert.Equal($"Bundle.entry[{second}].resource", Assert.Single(issue.Expression));
        Assert.StartsWith($"Bundle.entry[{second}] (Patient)", issue.Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Referral_WithoutTask_Returns422()
    {
        var bundle = ReferralExample.Complete();
        bundle["entry"]!.AsArray().RemoveAt(ReferralExample.IndexOf(bundle, "Task"));

        var outcome = await AssertRejectedAsync(bundle);

        Assert.Contains(outcome.Issue, i => i.Diagnostics.Contains("referral Task", StringComparison.Ordinal) && i.Diagnostics.Contains("missing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Referral_TaskFocusNotTheServiceRequest_Returns422AtFocus()
    {
        var bundle = ReferralExample.Complete();
        ReferralExample.Resource(bundle, "Task")["focus"]!["reference"] = "ServiceRequest/some-other-referral";

        var outcome = await AssertRejectedAsync(bundle);

        Assert.Equal($"Bundle.entry[{ReferralExample.IndexOf(bundle, "Task")}].resource.focus", Assert.Single(Assert.Single(outcome.Issue).Expression));
    }

    [Fact]
    public async Task Referral_TaskForAnotherPatient_Returns422AtFor()
    {
        var bundle = ReferralExample.Complete();
        var other = await server.Ehr.CreatePatientAsync("OTHER-" + Guid.NewGuid().ToString("N"));
        ReferralExample.Resource(bundle, "Task")["for"]!["reference"] = "Patient/" + other.Id;

        var outcome = await AssertRejectedAsync(bundle);

        Assert.Equal($"Bundle.entry[{ReferralExample.IndexOf(bundle, "Task")}].resource.for", Assert.Single(Assert.Single(outcome.Issue).Expression));
    }

    [Fact]
    public async Task Referral_ServiceRequestAboutAnotherPatient_Returns422AtSubject()
    {
        var bundle = ReferralExample.Complete();
        var other = await server.Ehr.CreatePatientAsync("OTHER-" + Guid.NewGuid().ToString("N"));
        ReferralExample.Resource(bundle, "ServiceRequest")["subject"]!["reference"] = "Patient/" + other.Id;

        var outcome = await AssertRejectedAsync(bundle);

        Assert.Equal($"Bundle.entry[{ReferralExample.IndexOf(bundle, "ServiceRequest")}].resource.subject", Assert.Single(Assert.Single(outcome.Issue).Expression));
    }

    [Fact]
    public async Task Referral_ObservationAboutAnotherPatient_Returns422AtItsSubject()
    {
        var bundle = ReferralExample.Complete();
        var other = await server.Ehr.CreatePatientAsync("OTHER-" + Guid.NewGuid().ToString("N"));
        var index = ReferralExample.IndexOf(bundle, "Observation");
        bundle["entry"]![index]!["resource"]!["subject"]!["reference"] = "Patient/" + other.Id;

        var outcome = await AssertRejectedAsync(bundle);

        var issue = Assert.Single(outcome.Issue);
        Assert.Equal($"Bundle.entry[{index}].resource.subject", Assert.Single(issue.Expression));
        Assert.StartsWith($"Bundle.entry[{index}] (Observation)", issue.Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Referral_OwnerNotAReviewingOrganisation_Returns422AtOwner()
    {
        var bundle = ReferralExample.Complete(owner: ReferralServer.OrgB);

        var outcome = await AssertRejectedAsync(bundle);

        var issue = Assert.Single(outcome.Issue);
        Assert.Equal($"Bundle.entry[{ReferralExample.IndexOf(bundle, "Task")}].resource.owner", Assert.Single(issue.Expression));
        Assert.Contains("Organization/" + ReferralServer.OrgR, issue.Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Referral_ReferralTaskCreatedOnItsOwnNotRequested_Returns422()
    {
        var referral = await server.SubmitAsync(ReferralExample.Complete());
        var task = await ReferralServer.ReadAsync<Hl7.Fhir.Model.Task>(server.Ehr, "Task/" + referral.TaskId);
        task.Id = null;
        task.Meta.VersionId = null;
        task.Status = Hl7.Fhir.Model.Task.TaskStatus.Accepted;

        var response = await server.Ehr.PostAsync("/fhir/Task", FhirHttp.Json(task));

        var outcome = await response.AssertOutcomeAsync(HttpStatusCode.UnprocessableEntity, OperationOutcome.IssueType.BusinessRule);
        Assert.Equal("Task.status", Assert.Single(Assert.Single(outcome.Issue).Expression));
    }

    /// <summary>422 with business-rule issues, and neither the referral nor its patient stored.</summary>
    private async Task<OperationOutcome> AssertRejectedAsync(JsonObject bundle)
    {
        var response = await server.Ehr.PostAsync("/fhir", FhirHttp.Json(bundle.ToJsonString()));

        var outcome = await response.AssertOutcomeAsync(HttpStatusCode.UnprocessableEntity, OperationOutcome.IssueType.BusinessRule);
        Assert.Equal(0, await ReferralServer.CountAsync(server.Ehr, $"ServiceRequest?identifier={ReferralExample.ReferralSystem}|{ReferralExample.Identifier(bundle)}"));
        if (bundle["entry"]!.AsArray().Any(e => (string?)e!["resource"]!["resourceType"] == "Patient"))
        {
            Assert.Equal(0, await ReferralServer.CountAsync(server.Ehr, $"Patient?identifier={ReferralExample.MrnSystem}|{ReferralExample.Mrn(bundle)}"));
        }

        return outcome;
    }
}
