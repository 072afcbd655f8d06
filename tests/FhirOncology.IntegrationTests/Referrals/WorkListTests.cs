using FhirOncology.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;
using FhirTask = Hl7.Fhir.Model.Task;

namespace FhirOncology.IntegrationTests.Referrals;

/// <summary>
/// The reviewers' work list is ordinary Task search (issue #6, Review workflow): by owner, status, business status,
/// due date and priority — and a reviewing organisation finds only the referrals it owns.
/// </summary>
public sealed class WorkListTests(ReferralServer server) : IClassFixture<ReferralServer>
{
    private const string BusinessStatus = "https://fhironcology.org/fhir/CodeSystem/referral-business-status";

    [Fact]
    public async Task WorkList_SearchesByOwnerStatusBusinessStatusDueDateAndPriority_FindTheRightTasks()
    {
        var received = (await server.SubmitAsync(ReferralExample.Complete())).TaskId;
        var inReview = (await server.SubmitAsync(ReferralExample.Complete())).TaskId;
        var urgentBundle = ReferralExample.Complete();
        ReferralExample.Resource(urgentBundle, "Task")["priority"] = "urgent";
        var urgent = (await server.SubmitAsync(urgentBundle)).TaskId;
        var elsewhere = (await server.SubmitAsync(ReferralExample.Complete(owner: ReferralServer.OrgS))).TaskId;
        await ReferralServer.MovedAsync(server.Reviewer, received, "received", t => t.BusinessStatus = new CodeableConcept(BusinessStatus, "received"));
        await ReferralServer.MovedAsync(server.Reviewer, inReview, "received");
        await ReferralServer.MovedAsync(server.Reviewer, inReview, "accepted");
        var working = await ReferralServer.MovedAsync(server.Reviewer, inReview, "in-progress", t => t.BusinessStatus = new CodeableConcept(BusinessStatus, "in-review"));
        var owner = "owner=Organization/" + ReferralServer.OrgR;

        Assert.Equal([received], await IdsAsync($"Task?{owner}&status=received&_id={received},{inReview},{urgent}"));
        Assert.Equal([urgent], await IdsAsync($"Task?{owner}&status=requested&priority=urgent&_id={received},{inReview},{urgent}"));
        Assert.Equal([received], await IdsAsync($"Task?{owner}&business-status={BusinessStatus}|received&_id={received},{inReview},{urgent}"));
        Assert.Equal([inReview], await IdsAsync($"Task?{owner}&business-status={BusinessStatus}|in-review&_id={received},{inReview},{urgent}"));
        Assert.Equal([inReview], await IdsAsync($"Task?{owner}&due-date=le{working.Restriction.Period.End}&status=accepted,in-progress&_id={received},{inReview},{urgent}"));
        var all = await IdsAsync($"Task?{owner}&_count=1000");
        Assert.Contains(received, all);
        Assert.Contains(urgent, all);
        Assert.DoesNotContain(elsewhere, all);
        // The other reviewing organisation's list holds its referral and none of R's.
        var theirs = await IdsAsync("Task?status=requested&_count=1000", server.OtherReviewer);
        Assert.Contains(elsewhere, theirs);
        Assert.DoesNotContain(urgent, theirs);
    }

    private async Task<string[]> IdsAsync(string query, HttpClient? client = null) =>
        [.. (await ReferralServer.SearchAsync(client ?? server.Reviewer, query)).Entry.Where(e => e.Resource is FhirTask).Select(e => e.Resource.Id).Order()];
}
