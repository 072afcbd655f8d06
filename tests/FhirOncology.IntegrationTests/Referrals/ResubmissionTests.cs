using System.Net;
using FhirOncology.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;

namespace FhirOncology.IntegrationTests.Referrals;

/// <summary>
/// Resubmitting a referral (the same ServiceRequest.identifier from the same requesting organisation) returns the
/// existing Task instead of a duplicate (issue #6, Intake).
/// </summary>
public sealed class ResubmissionTests(ReferralServer server) : IClassFixture<ReferralServer>
{
    [Fact]
    public async Task Referral_SubmittedTwice_ReturnsTheExistingTaskAndStoresNoDuplicate()
    {
        var bundle = ReferralExample.Load(); // incomplete: the Task is on hold (version 2) when it comes again
        var first = await server.SubmitAsync(bundle);

        var response = await server.Ehr.PostAsync("/fhir", FhirHttp.Json(bundle.ToJsonString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.ReadAsync<Bundle>();
        Assert.Equal(Bundle.BundleType.TransactionResponse, answer.Type);
        Assert.Equal(bundle["entry"]!.AsArray().Count, answer.Entry.Count);
        Assert.All(answer.Entry, entry => Assert.Equal("200 OK", entry.Response.Status));
        var taskEntry = answer.Entry[ReferralExample.IndexOf(bundle, "Task")];
        Assert.Equal($"Task/{first.TaskId}/_history/2", taskEntry.Response.Location);
        Assert.Equal("W/\"2\"", taskEntry.Response.Etag);
        Assert.Equal(first.TaskId, Assert.IsType<Hl7.Fhir.Model.Task>(taskEntry.Resource).Id);
        Assert.Equal(OperationOutcome.IssueType.Duplicate, Assert.Single(taskEntry.Response.Outcome is OperationOutcome o ? o.Issue : []).Code);
        Assert.Equal($"ServiceRequest/{first.ServiceRequestId}/_history/1", answer.Entry[ReferralExample.IndexOf(bundle, "ServiceRequest")].Response.Location);
        Assert.Equal($"Patient/{first.PatientId}/_history/1", answer.Entry[ReferralExample.IndexOf(bundle, "Patient")].Response.Location);
        var condition = answer.Entry[ReferralExample.IndexOf(bundle, "Condition")];
        Assert.Null(condition.Response.Location);
        Assert.Contains("Not stored", Assert.IsType<OperationOutcome>(condition.Response.Outcome).Issue[0].Diagnostics, StringComparison.Ordinal);

        Assert.Equal(1, await ReferralServer.CountAsync(server.Ehr, $"ServiceRequest?identifier={ReferralExample.ReferralSystem}|{first.Identifier}"));
        Assert.Equal(1, await ReferralServer.CountAsync(server.Ehr, $"Task?focus=ServiceRequest/{first.ServiceRequestId}"));
        Assert.Equal(1, await ReferralServer.CountAsync(server.Ehr, $"Patient?identifier={ReferralExample.MrnSystem}|{ReferralExample.Mrn(bundle)}"));
        Assert.Equal(1, await ReferralServer.CountAsync(server.Ehr, $"CommunicationRequest?based-on=Task/{first.TaskId}"));
    }

    [Fact]
    public async Task Referral_SameIdentifierFromAnotherOrganisation_IsANewReferral()
    {
        var bundle = ReferralExample.Complete();
        var first = await server.SubmitAsync(bundle);

        var second = await server.SubmitAsync(bundle, server.OtherEhr);

        Assert.NotEqual(first.TaskId, second.TaskId);
        Assert.NotEqual(first.ServiceRequestId, second.ServiceRequestId);
        Assert.All(second.Response.Entry, entry => Assert.Equal("201 Created", entry.Response.Status));
        // Each referrer sees its own referral only.
        Assert.Equal(1, await ReferralServer.CountAsync(server.Ehr, $"ServiceRequest?identifier={ReferralExample.ReferralSystem}|{first.Identifier}"));
        Assert.Equal(1, await ReferralServer.CountAsync(server.OtherEhr, $"ServiceRequest?identifier={ReferralExample.ReferralSystem}|{first.Identifier}"));
    }
}
