using System.Net;
using FhirOncology.Core.Subscriptions;
using FhirOncology.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using TaskStatus = Hl7.Fhir.Model.Task.TaskStatus;

namespace FhirOncology.IntegrationTests.Subscriptions;

/// <summary>
/// What may never be notified: a change that was rolled back (the outbox row is written in the change's own
/// transaction), and another organisation's data (organisation isolation, issue #5). Both are checked in the
/// outbox itself, which is final when the write returns, and confirmed at the endpoint.
/// </summary>
public sealed class SubscriptionIsolationTests(SubscriptionServer server) : IClassFixture<SubscriptionServer>, IDisposable
{
    private readonly WireMockServer _ehr = WireMockServer.Start();
    private readonly string _case = Guid.NewGuid().ToString("N");

    [Fact]
    public async Task RolledBackTransaction_QueuesNoNotification()
    {
        var client = server.CreateClient();
        _ehr.Given(Request.Create().WithPath("/ehr/fhir/*")).RespondWith(Response.Create().WithStatusCode(200));
        var subscription = await client.CreateAsync(Notifications.Subscription(_ehr.Url + "/ehr/fhir", _case, "&status=in-progress"));
        var task = await client.CreateAsync(Notifications.Task(_case));
        var other = await client.CreateAsync(Notifications.Task(_case + "-other"));

        // The Task's update matches, but the transaction fails on its second entry (stale If-Match) and is rolled back.
        task.Status = TaskStatus.InProgress;
        var bundle = new Bundle { Type = Bundle.BundleType.Transaction };
        bundle.Entry.Add(Put(task, null));
        bundle.Entry.Add(Put(other, "W/\"7\""));
        var failed = await client.PostAsync("/fhir", FhirHttp.Json(bundle));
        await failed.AssertOutcomeAsync(HttpStatusCode.PreconditionFailed);
        Assert.Empty(await server.Outbox.ReadNotificationsAsync(subscription.Id, CancellationToken.None));

        var updated = await client.UpdateAsync(task); // the same change, committed this time
        var notification = Assert.Single(await server.WaitForOutboxAsync(subscription.Id, n => n.Count == 1 && n[0].State == NotificationState.Delivered, "delivered"));
        Assert.Equal(("2", 2), (updated.Meta.VersionId, notification.VersionId));
        var sent = Assert.Single(await _ehr.WaitForRequestsAsync(1));
        Assert.Contains("\"versionId\":\"2\"", sent.RequestMessage.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherOrganisationsSubscription_IsNotNotifiedOfThisOrganisationsTask()
    {
        var a = server.Client("ehr-a");
        var b = server.Client("ehr-b");
        _ehr.Given(Request.Create().WithPath("/*")).RespondWith(Response.Create().WithStatusCode(200));
        // Same criteria, each organisation its own endpoint.
        var ofA = await a.CreateAsync(Notifications.Subscription(_ehr.Url + "/ehr-a", _case));
        var ofB = await b.CreateAsync(Notifications.Subscription(_ehr.Url + "/ehr-b", _case));

        var task = await a.CreateAsync(Notifications.Task(_case));
        task.Status = TaskStatus.Received;
        await a.UpdateAsync(task);

        await server.WaitForOutboxAsync(ofA.Id, n => n.Count == 2 && n.All(x => x.State == NotificationState.Delivered), "A's two notifications delivered");
        Assert.Empty(await server.Outbox.ReadNotificationsAsync(ofB.Id, CancellationToken.None));
        Assert.All(_ehr.LogEntries, entry => Assert.StartsWith("/ehr-a/", entry.RequestMessage.Path, StringComparison.Ordinal));
        // B's own Task does reach B, so B's Subscription works.
        await b.CreateAsync(Notifications.Task(_case));
        await server.WaitForOutboxAsync(ofB.Id, n => n.Count == 1 && n[0].State == NotificationState.Delivered, "B's own Task delivered");
    }

    [Fact]
    public async Task TaskSharedWithTheReviewer_NotifiesTheReviewersSubscription()
    {
        var a = server.Client("ehr-a");
        var reviewer = server.Client("ehr-b");
        _ehr.Given(Request.Create().WithPath("/*")).RespondWith(Response.Create().WithStatusCode(200));
        var ofReviewer = await reviewer.CreateAsync(Notifications.Subscription(_ehr.Url + "/reviewer", _case, payload: null));

        var task = Notifications.Task(_case);
        task.Owner = new ResourceReference("Organization/org-b"); // A refers the case to B, who may then see the Task
        await a.CreateAsync(task);

        await server.WaitForOutboxAsync(ofReviewer.Id, n => n.Count == 1 && n[0].State == NotificationState.Delivered, "delivered to the reviewer");
    }

    private static Bundle.EntryComponent Put(Hl7.Fhir.Model.Task task, string? ifMatch) => new()
    {
        Resource = task,
        Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.PUT, Url = $"Task/{task.Id}", IfMatch = ifMatch },
    };

    public void Dispose() => _ehr.Stop();
}
