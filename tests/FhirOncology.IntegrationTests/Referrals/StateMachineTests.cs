using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using FhirOncology.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;
using FhirTask = Hl7.Fhir.Model.Task;

namespace FhirOncology.IntegrationTests.Referrals;

/// <summary>
/// The referral Task's state machine (task.html#statemachine; issue #6, Review workflow): every legal transition by
/// the right party, illegal transitions (422 business-rule), legal ones by the wrong party (403), the due date set on
/// acceptance in business days, and overdue cases found by search.
/// </summary>
public sealed class StateMachineTests(ReferralServer server) : IClassFixture<ReferralServer>
{
    private const int ReviewBusinessDays = 10; // the default of Referrals:ReviewBusinessDays

    /// <summary>The owner's steps from requested, in order.</summary>
    private static readonly string[] OwnerSteps = ["received", "accepted", "in-progress", "on-hold"];

    [Fact]
    public async Task Task_OwnerWorksTheReferral_EveryStepToCompletedIsAccepted()
    {
        var referral = await server.SubmitAsync(ReferralExample.Complete());

        await ReferralServer.MovedAsync(server.Reviewer, referral.TaskId, "received");
        await ReferralServer.MovedAsync(server.Reviewer, referral.TaskId, "accepted");
        await ReferralServer.MovedAsync(server.Reviewer, referral.TaskId, "in-progress");
        await ReferralServer.MovedAsync(server.Reviewer, referral.TaskId, "on-hold");
        await ReferralServer.MovedAsync(server.Reviewer, referral.TaskId, "in-progress");
        var report = await PostReportAsync();
        var completed = await ReferralServer.MovedAsync(server.Reviewer, referral.TaskId, "completed", task => Report(task, report));

        Assert.Equal(FhirTask.TaskStatus.Completed, completed.Status);
        Assert.Equal("7", completed.Meta.VersionId);
        var seenByEhr = await ReferralServer.ReadAsync<FhirTask>(server.Ehr, "Task/" + referral.TaskId);
        Assert.Equal("Bundle/" + report, seenByEhr.Output.Select(o => o.Value).OfType<ResourceReference>().Single().Reference);
    }

    [Fact]
    public async Task Task_OwnerRejectsAReceivedReferral_IsAccepted()
    {
        var referral = await server.SubmitAsync(ReferralExample.Complete());
        await ReferralServer.MovedAsync(server.Reviewer, referral.TaskId, "received");

        var rejected = await ReferralServer.MovedAsync(server.Reviewer, referral.TaskId, "rejected",
            task => task.StatusReason = new CodeableConcept { Text = "Outside our scope" });

        Assert.Equal(FhirTask.TaskStatus.Rejected, rejected.Status);
    }

    [Fact]
    public async Task Task_OwnerFailsAReferralInProgressOrOnHold_IsAccepted()
    {
        var first = await InProgressAsync();
        var second = await InProgressAsync();
        await ReferralServer.MovedAsync(server.Reviewer, second, "on-hold");

        Assert.Equal(FhirTask.TaskStatus.Failed, (await ReferralServer.MovedAsync(server.Reviewer, first, "failed")).Status);
        Assert.Equal(FhirTask.TaskStatus.Failed, (await ReferralServer.MovedAsync(server.Reviewer, second, "failed")).Status);
    }

    [Theory]
    [InlineData("requested")]
    [InlineData("received")]
    [InlineData("accepted")]
    [InlineData("in-progress")]
    [InlineData("on-hold")]
    public async Task Task_RequesterCancels_IsAcceptedFromEveryOpenStatus(string status)
    {
        var referral = await server.SubmitAsync(ReferralExample.Complete());
        foreach (var step in OwnerSteps.Take(Depth(status)))
        {
            await ReferralServer.MovedAsync(server.Reviewer, referral.TaskId, step);
        }

        var cancelled = await ReferralServer.MovedAsync(server.Ehr, referral.TaskId, "cancelled");

        Assert.Equal(FhirTask.TaskStatus.Cancelled, cancelled.Status);
    }

    [Theory]
    [InlineData("requested", "completed")]
    [InlineData("requested", "in-progress")]
    [InlineData("requested", "accepted")]
    [InlineData("received", "in-progress")]
    [InlineData("accepted", "completed")]
    [InlineData("requested", "draft")]
    public async Task Task_IllegalTransitionByTheOwner_Returns422AndKeepsTheVersion(string from, string to)
    {
        var referral = await server.SubmitAsync(ReferralExample.Complete());
        foreach (var step in OwnerSteps.Take(Depth(from)))
        {
            await ReferralServer.MovedAsync(server.Reviewer, referral.TaskId, step);
        }

        var before = await ReferralServer.ReadAsync<FhirTask>(server.Reviewer, "Task/" + referral.TaskId);
        var response = await ReferralServer.MoveAsync(server.Reviewer, referral.TaskId, to);

        var outcome = await response.AssertOutcomeAsync(HttpStatusCode.UnprocessableEntity, OperationOutcome.IssueType.BusinessRule);
        var issue = Assert.Single(outcome.Issue);
        Assert.Equal("Task.status", Assert.Single(issue.Expression));
        Assert.Contains($"cannot go from {from} to {to}", issue.Diagnostics, StringComparison.Ordinal);
        Assert.Equal(before.Meta.VersionId, (await ReferralServer.ReadAsync<FhirTask>(server.Reviewer, "Task/" + referral.TaskId)).Meta.VersionId);
    }

    [Fact]
    public async Task Task_ChangeAfterItEnded_Returns422()
    {
        var referral = await server.SubmitAsync(ReferralExample.Complete());
        await ReferralServer.MovedAsync(server.Ehr, referral.TaskId, "cancelled");

        var response = await ReferralServer.MoveAsync(server.Ehr, referral.TaskId, "requested");

        var outcome = await response.AssertOutcomeAsync(HttpStatusCode.UnprocessableEntity, OperationOutcome.IssueType.BusinessRule);
        Assert.Contains("nothing (final)", outcome.Issue[0].Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Task_RequesterTriesToReceiveOrAccept_Returns403()
    {
        var referral = await server.SubmitAsync(ReferralExample.Complete());
        var receive = await ReferralServer.MoveAsync(server.Ehr, referral.TaskId, "received");
        var outcome = await receive.AssertOutcomeAsync(HttpStatusCode.Forbidden, OperationOutcome.IssueType.Forbidden);
        Assert.Contains("reviewing organisation (Task.owner)", outcome.Issue[0].Diagnostics, StringComparison.Ordinal);

        await ReferralServer.MovedAsync(server.Reviewer, referral.TaskId, "received");
        var accept = await ReferralServer.MoveAsync(server.Ehr, referral.TaskId, "accepted");
        await accept.AssertOutcomeAsync(HttpStatusCode.Forbidden, OperationOutcome.IssueType.Forbidden);
        Assert.Equal(FhirTask.TaskStatus.Received, (await ReferralServer.ReadAsync<FhirTask>(server.Ehr, "Task/" + referral.TaskId)).Status);
    }

    [Fact]
    public async Task Task_ReviewerTriesToCancel_Returns403()
    {
        var referral = await server.SubmitAsync(ReferralExample.Complete());
        await ReferralServer.MovedAsync(server.Reviewer, referral.TaskId, "received");

        var response = await ReferralServer.MoveAsync(server.Reviewer, referral.TaskId, "cancelled");

        var outcome = await response.AssertOutcomeAsync(HttpStatusCode.Forbidden, OperationOutcome.IssueType.Forbidden);
        Assert.Contains("requesting organisation", outcome.Issue[0].Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Task_ReviewerPutsARequestedTaskOnHold_Returns403BecauseOnlyTheServerDoes()
    {
        var referral = await server.SubmitAsync(ReferralExample.Complete());

        var response = await ReferralServer.MoveAsync(server.Reviewer, referral.TaskId, "on-hold");

        var outcome = await response.AssertOutcomeAsync(HttpStatusCode.Forbidden, OperationOutcome.IssueType.Forbidden);
        Assert.Contains("the server", outcome.Issue[0].Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Task_AnotherReviewingOrganisation_CannotMoveIt()
    {
        var referral = await server.SubmitAsync(ReferralExample.Complete());
        var task = await ReferralServer.ReadAsync<FhirTask>(server.Reviewer, "Task/" + referral.TaskId);
        task.Status = FhirTask.TaskStatus.Received;

        var response = await server.OtherReviewer.PutAsync("/fhir/Task/" + referral.TaskId, FhirHttp.Json(task));

        await response.AssertOutcomeAsync(HttpStatusCode.Forbidden);
        Assert.Equal(FhirTask.TaskStatus.Requested, (await ReferralServer.ReadAsync<FhirTask>(server.Ehr, "Task/" + referral.TaskId)).Status);
    }

    [Fact]
    public async Task Task_OwnerReassignsIt_Returns422()
    {
        var referral = await server.SubmitAsync(ReferralExample.Complete());

        var response = await ReferralServer.MoveAsync(server.Reviewer, referral.TaskId, "received",
            task => task.Owner = new ResourceReference("Organization/" + ReferralServer.OrgS));

        var outcome = await response.AssertOutcomeAsync(HttpStatusCode.UnprocessableEntity, OperationOutcome.IssueType.BusinessRule);
        Assert.Equal("Task.owner", Assert.Single(outcome.Issue[0].Expression));
    }

    [Fact]
    public async Task Task_RequesterChangesBusinessStatus_Returns403()
    {
        var referral = await server.SubmitAsync(ReferralExample.Complete());

        var response = await ReferralServer.MoveAsync(server.Ehr, referral.TaskId, "requested",
            task => task.BusinessStatus = new CodeableConcept("https://fhironcology.org/fhir/CodeSystem/referral-business-status", "report-ready"));

        await response.AssertOutcomeAsync(HttpStatusCode.Forbidden, OperationOutcome.IssueType.Forbidden);
    }

    [Fact]
    public async Task Task_Delete_Returns422()
    {
        var referral = await server.SubmitAsync(ReferralExample.Complete());

        var response = await server.Ehr.DeleteAsync("/fhir/Task/" + referral.TaskId);

        var outcome = await response.AssertOutcomeAsync(HttpStatusCode.UnprocessableEntity, OperationOutcome.IssueType.BusinessRule);
        Assert.Contains("cancels it", outcome.Issue[0].Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Task_MovedInATransactionBundle_IsNoSubmissionAndIsCheckedLikeAnUpdate()
    {
        var referral = await server.SubmitAsync(ReferralExample.Complete());
        var task = await ReferralServer.ReadAsync<FhirTask>(server.Reviewer, "Task/" + referral.TaskId);
        Bundle Moving(FhirTask.TaskStatus status)
        {
            task.Status = status;
            return new Bundle
            {
                Type = Bundle.BundleType.Transaction,
                Entry = [new Bundle.EntryComponent
                {
                    FullUrl = "urn:uuid:" + Guid.NewGuid(),
                    Resource = task,
                    Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.PUT, Url = "Task/" + referral.TaskId },
                }],
            };
        }

        var illegal = await server.Reviewer.PostAsync("/fhir", FhirHttp.Json(Moving(FhirTask.TaskStatus.Completed)));
        var legal = await server.Reviewer.PostAsync("/fhir", FhirHttp.Json(Moving(FhirTask.TaskStatus.Received)));

        var outcome = await illegal.AssertOutcomeAsync(HttpStatusCode.UnprocessableEntity, OperationOutcome.IssueType.BusinessRule);
        Assert.Equal("Bundle.entry[0].resource.status", Assert.Single(Assert.Single(outcome.Issue).Expression));
        Assert.Equal(HttpStatusCode.OK, legal.StatusCode);
        Assert.Equal($"Task/{referral.TaskId}/_history/2", Assert.Single((await legal.ReadAsync<Bundle>()).Entry).Response.Location);
    }

    [Fact]
    public async Task Task_Accepted_GetsItsDueDateInBusinessDaysAndKeepsIt()
    {
        var referral = await server.SubmitAsync(ReferralExample.Complete());
        await ReferralServer.MovedAsync(server.Reviewer, referral.TaskId, "received");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var accepted = await ReferralServer.MovedAsync(server.Reviewer, referral.TaskId, "accepted");

        var period = accepted.Restriction.Period;
        Assert.Equal(Date(today), period.Start);
        var due = DateOnly.ParseExact(period.End, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.DoesNotContain(due.DayOfWeek, new[] { DayOfWeek.Saturday, DayOfWeek.Sunday });
        var days = Enumerable.Range(1, due.DayNumber - today.DayNumber).Select(today.AddDays).ToList();
        Assert.Equal(ReviewBusinessDays, days.Count(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)));
        Assert.InRange(days.Count, ReviewBusinessDays + 2, ReviewBusinessDays + 4); // two weekends

        var later = await ReferralServer.MovedAsync(server.Reviewer, referral.TaskId, "in-progress",
            task => task.Restriction.Period.End = "2099-01-01");
        Assert.Equal(period.End, later.Restriction.Period.End);
    }

    [Fact]
    public async Task Task_Overdue_IsFoundByDueDateAndStatus()
    {
        var taskId = await InProgressAsync();
        var due = DateOnly.ParseExact((await ReferralServer.ReadAsync<FhirTask>(server.Reviewer, "Task/" + taskId)).Restriction.Period.End,
            "yyyy-MM-dd", CultureInfo.InvariantCulture);

        // Overdue "as of" the day after the due date, and not yet on the due date itself.
        var overdue = await ReferralServer.SearchAsync(server.Reviewer, $"Task?due-date=lt{Date(due.AddDays(1))}&status=accepted,in-progress&_count=1000");
        var notYet = await ReferralServer.SearchAsync(server.Reviewer, $"Task?due-date=lt{Date(due)}&status=accepted,in-progress&_count=1000");
        var today = await ReferralServer.SearchAsync(server.Reviewer, $"Task?due-date=lt{Date(DateOnly.FromDateTime(DateTime.UtcNow))}&status=accepted,in-progress&_count=1000");

        Assert.Contains(overdue.Entry, e => e.Resource.Id == taskId);
        Assert.DoesNotContain(notYet.Entry, e => e.Resource.Id == taskId);
        Assert.DoesNotContain(today.Entry, e => e.Resource.Id == taskId);
    }

    [Fact]
    public async Task Task_CompletedWithoutReport_Returns422ReferralTask1AndKeepsTheVersion()
    {
        var taskId = await InProgressAsync();

        var response = await ReferralServer.MoveAsync(server.Reviewer, taskId, "completed");

        var outcome = await response.AssertOutcomeAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains(outcome.Issue, i => $"{i.Details?.Text} {i.Diagnostics}".Contains("referral-task-1", StringComparison.Ordinal));
        Assert.Equal("W/\"4\"", (await server.Reviewer.GetAsync("/fhir/Task/" + taskId)).ETag());
    }

    private async Task<string> InProgressAsync()
    {
        var referral = await server.SubmitAsync(ReferralExample.Complete());
        foreach (var step in OwnerSteps.Take(3))
        {
            await ReferralServer.MovedAsync(server.Reviewer, referral.TaskId, step);
        }

        return referral.TaskId;
    }

    /// <summary>The report document example, posted by the reviewer; returns its id.</summary>
    private async Task<string> PostReportAsync()
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "profile-examples", "Bundle-second-opinion-nsclc-erbb2.json")))!.AsObject();
        document.Remove("id");
        document["identifier"]!["value"] = "urn:uuid:" + Guid.NewGuid();
        var response = await server.Reviewer.PostAsync("/fhir/Bundle", FhirHttp.Json(document.ToJsonString()));
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"report: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.ReadAsync<Bundle>()).Id;
    }

    private static void Report(FhirTask task, string documentId)
    {
        const string outputs = "https://fhironcology.org/fhir/CodeSystem/referral-task-output";
        task.BusinessStatus = new CodeableConcept("https://fhironcology.org/fhir/CodeSystem/referral-business-status", "report-ready", "Report ready");
        task.Output =
        [
            new FhirTask.OutputComponent { Type = new CodeableConcept(outputs, "report-document"), Value = new ResourceReference("Bundle/" + documentId) },
            new FhirTask.OutputComponent
            {
                Type = new CodeableConcept(outputs, "review-outcome"),
                Value = new CodeableConcept("https://fhironcology.org/fhir/CodeSystem/review-outcome", "standard-care"),
            },
        ];
    }

    /// <summary>How many owner steps (received, accepted, in-progress, on-hold) lead from requested to the status.</summary>
    private static int Depth(string status) => status switch
    {
        "requested" => 0,
        "received" => 1,
        "accepted" => 2,
        "in-progress" => 3,
        _ => 4,
    };

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
