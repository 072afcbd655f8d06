using System.Net;
using FhirOncology.Core.Subscriptions;
using FhirOncology.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using TaskStatus = Hl7.Fhir.Model.Task.TaskStatus;

namespace FhirOncology.IntegrationTests.Subscriptions;

/// <summary>
/// R4 rest-hook delivery to an EHR endpoint played by WireMock.Net (subscription.html): the payload and empty
/// notifications, channel headers, and what the outbox records. Each test owns its endpoint and its Task
/// identifier, so no test sees another's notifications.
/// </summary>
public sealed class SubscriptionDeliveryTests(SubscriptionServer server) : IClassFixture<SubscriptionServer>, IDisposable
{
    private readonly WireMockServer _ehr = WireMockServer.Start();
    private readonly HttpClient _client = server.CreateClient();
    private readonly string _case = Guid.NewGuid().ToString("N");

    [Fact]
    public async Task TaskStatusChange_WithPayload_PutsTheMatchingVersionToTheEndpoint()
    {
        Accept("/ehr/fhir/*");
        var subscription = await _client.CreateAsync(Notifications.Subscription(_ehr.Url + "/ehr/fhir", _case, "&status=completed"));
        Assert.Equal(Subscription.SubscriptionStatus.Active, subscription.Status); // the server accepted the request

        var task = await _client.CreateAsync(Notifications.Task(_case));
        Assert.Empty(await server.Outbox.ReadNotificationsAsync(subscription.Id, CancellationToken.None)); // requested: no match
        task.Status = TaskStatus.Completed;
        task = await _client.UpdateAsync(task);

        var request = Assert.Single(await _ehr.WaitForRequestsAsync(1)).RequestMessage;
        Assert.Equal("PUT", request.Method);
        Assert.Equal($"/ehr/fhir/Task/{task.Id}", request.Path); // rest-hook with payload: an update at [endpoint]/[type]/[id]
        Assert.StartsWith(SubscriptionRules.FhirJson, request.Headers!["Content-Type"].Single(), StringComparison.Ordinal);
        var sent = new FhirJsonDeserializer().Deserialize<Hl7.Fhir.Model.Task>(request.Body!);
        Assert.Equal((task.Id, "2", TaskStatus.Completed), (sent.Id, sent.Meta.VersionId, sent.Status));
        var notification = Assert.Single(await server.WaitForOutboxAsync(subscription.Id, n => n.All(x => x.State == NotificationState.Delivered), "delivered"));
        Assert.Equal((new Core.Storage.ResourceKey("Task", task.Id), 2, 1, null), (notification.Resource, notification.VersionId, notification.Attempts, notification.LastError));
    }

    [Fact]
    public async Task NoPayload_PostsAnEmptyNotificationToTheEndpoint()
    {
        Accept("/ehr/notify");
        var subscription = await _client.CreateAsync(Notifications.Subscription(_ehr.Url + "/ehr/notify", _case, payload: null));

        await _client.CreateAsync(Notifications.Task(_case));

        var request = Assert.Single(await _ehr.WaitForRequestsAsync(1)).RequestMessage;
        Assert.Equal(("POST", "/ehr/notify"), (request.Method, request.Path));
        Assert.True(string.IsNullOrEmpty(request.Body));
        Assert.Equal("0", request.Headers!["Content-Length"].Single());
        await server.WaitForOutboxAsync(subscription.Id, n => n.Count == 1 && n[0].State == NotificationState.Delivered, "delivered");
    }

    [Fact]
    public async Task ChannelHeaders_AreSentWithEveryNotification()
    {
        Accept("/ehr/notify");
        await _client.CreateAsync(Notifications.Subscription(_ehr.Url + "/ehr/notify", _case, payload: null,
            headers: ["Authorization: Bearer ehr-secret-123", "X-Ehr-Tenant: oncology-ward"]));

        var task = await _client.CreateAsync(Notifications.Task(_case));
        task.Status = TaskStatus.Received;
        await _client.UpdateAsync(task);

        var requests = await _ehr.WaitForRequestsAsync(2);
        Assert.All(requests, entry =>
        {
            Assert.Equal("Bearer ehr-secret-123", entry.RequestMessage.Headers!["Authorization"].Single());
            Assert.Equal("oncology-ward", entry.RequestMessage.Headers!["X-Ehr-Tenant"].Single());
        });
    }

    [Fact]
    public async Task OffSubscription_AndDeletedTask_QueueNothing()
    {
        var off = Notifications.Subscription(_ehr.Url + "/ehr/notify", _case);
        off.Status = Subscription.SubscriptionStatus.Off;
        var subscription = await _client.CreateAsync(off);
        var active = await _client.CreateAsync(Notifications.Subscription(_ehr.Url + "/ehr/other", _case));
        Accept("/ehr/other/*");

        var task = await _client.CreateAsync(Notifications.Task(_case));
        await server.WaitForOutboxAsync(active.Id, n => n.Count == 1 && n[0].State == NotificationState.Delivered, "the create delivered");
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/fhir/Task/{task.Id}")).StatusCode);

        Assert.Equal(Subscription.SubscriptionStatus.Off, subscription.Status);
        Assert.Empty(await server.Outbox.ReadNotificationsAsync(subscription.Id, CancellationToken.None));
        Assert.Single(await server.Outbox.ReadNotificationsAsync(active.Id, CancellationToken.None)); // the deletion notified nothing
    }

    [Fact]
    public async Task PastItsEnd_TheServerTurnsItOff_AndItNotifiesNothing()
    {
        var request = Notifications.Subscription(_ehr.Url + "/ehr/notify", _case, payload: null);
        request.End = DateTimeOffset.UtcNow.AddSeconds(2);
        var subscription = await _client.CreateAsync(request);
        Assert.Equal(Subscription.SubscriptionStatus.Active, subscription.Status);

        // Subscription.end: "The time for the server to turn the subscription off."
        await Notifications.Eventually(
            async () => (await (await _client.GetAsync($"/fhir/Subscription/{subscription.Id}")).ReadAsync<Subscription>()).Status == Subscription.SubscriptionStatus.Off,
            () => "the Subscription turned off at its end");
        await _client.CreateAsync(Notifications.Task(_case));

        Assert.Empty(await server.Outbox.ReadNotificationsAsync(subscription.Id, CancellationToken.None));
    }

    private void Accept(string path) =>
        _ehr.Given(Request.Create().WithPath(path)).RespondWith(Response.Create().WithStatusCode(200));

    public void Dispose() => _ehr.Stop();
}
