using FhirOncology.Core.Subscriptions;
using FhirOncology.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace FhirOncology.IntegrationTests.Subscriptions;

/// <summary>
/// An EHR endpoint that fails, answers slowly or never recovers: retries with backoff, the dead-letter state after
/// Subscriptions:MaxAttempts, and the Subscription's status and error (subscription.html, Subscription.status:
/// "Only the server can move a subscription from requested to active, and then to error").
/// </summary>
public sealed class SubscriptionFailureTests(SubscriptionServer server) : IClassFixture<SubscriptionServer>, IDisposable
{
    private readonly WireMockServer _ehr = WireMockServer.Start();
    private readonly HttpClient _client = server.CreateClient();
    private readonly string _case = Guid.NewGuid().ToString("N");

    private string Host => $"localhost:{_ehr.Port}";

    [Fact]
    public async Task FailingEndpoint_IsRetried_ThenDelivered_AndTheSubscriptionRecovers()
    {
        _ehr.Given(Request.Create().WithPath("/ehr/notify")).InScenario("flaky").WillSetStateTo("recovered", 2)
            .RespondWith(Response.Create().WithStatusCode(500));
        _ehr.Given(Request.Create().WithPath("/ehr/notify")).InScenario("flaky").WhenStateIs("recovered")
            .RespondWith(Response.Create().WithStatusCode(200));
        var subscription = await _client.CreateAsync(Notifications.Subscription(_ehr.Url + "/ehr/notify", _case, payload: null));

        await _client.CreateAsync(Notifications.Task(_case));

        var notification = Assert.Single(await server.WaitForOutboxAsync(subscription.Id, n => n.Count == 1 && n[0].State == NotificationState.Delivered, "delivered"));
        Assert.Equal(3, notification.Attempts);
        Assert.Equal($"HTTP 500 from {Host}", notification.LastError);
        var requests = await _ehr.WaitForRequestsAsync(3);
        Assert.Equal(3, requests.Count);
        // Exponential backoff: at least 100 ms then 200 ms (less up to a fifth of jitter) between the attempts.
        Assert.True(requests[1].RequestMessage.DateTime - requests[0].RequestMessage.DateTime >= TimeSpan.FromMilliseconds(75));
        Assert.True(requests[2].RequestMessage.DateTime - requests[1].RequestMessage.DateTime >= TimeSpan.FromMilliseconds(155));
        // Error after the second failure (Subscriptions:ErrorAfterAttempts), active again once delivered; the error stays as a record.
        var stored = await WaitForSubscriptionAsync(subscription.Id, s => s.Status == Subscription.SubscriptionStatus.Active && s.Error is not null);
        Assert.Equal($"HTTP 500 from {Host}", stored.Error);
        Assert.Equal(Subscription.SubscriptionStatus.Error, (await VersionAsync(subscription.Id, 2)).Status);
    }

    [Fact]
    public async Task SlowEndpoint_TimesOut_AndIsRetried()
    {
        _ehr.Given(Request.Create().WithPath("/ehr/notify")).RespondWith(Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromSeconds(2)));
        var subscription = await _client.CreateAsync(Notifications.Subscription(_ehr.Url + "/ehr/notify", _case, payload: null));

        await _client.CreateAsync(Notifications.Task(_case));
        var timedOut = await server.WaitForOutboxAsync(subscription.Id, n => n.Count == 1 && n[0].LastError is not null, "a timed-out attempt");
        _ehr.ResetMappings(); // the endpoint speeds up
        _ehr.Given(Request.Create().WithPath("/ehr/notify")).RespondWith(Response.Create().WithStatusCode(200));

        var notification = Assert.Single(await server.WaitForOutboxAsync(subscription.Id, n => n.Count == 1 && n[0].State == NotificationState.Delivered, "delivered"));
        Assert.Equal($"No answer from {Host} within {SubscriptionServer.TimeoutMilliseconds} ms", timedOut[0].LastError);
        Assert.InRange(notification.Attempts, 2, 3); // the attempt after the first timeout may still have met the slow endpoint
        Assert.Equal(timedOut[0].LastError, notification.LastError);
    }

    [Fact]
    public async Task PermanentFailure_DeadLetters_AndTheSubscriptionShowsTheError()
    {
        _ehr.Given(Request.Create().WithPath("/ehr/patient-smith-1970/notify/*")).RespondWith(Response.Create().WithStatusCode(503));
        var subscription = await _client.CreateAsync(Notifications.Subscription(_ehr.Url + "/ehr/patient-smith-1970/notify", _case,
            headers: ["Authorization: Bearer never-logged"]));

        var task = await _client.CreateAsync(Notifications.Task(_case));

        var notification = Assert.Single(await server.WaitForOutboxAsync(subscription.Id, n => n.Count == 1 && n[0].State == NotificationState.Dead, "dead-lettered"));
        Assert.Equal(SubscriptionServer.MaxAttempts, notification.Attempts);
        Assert.NotNull(notification.CompletedAt);
        Assert.Equal(SubscriptionServer.MaxAttempts, _ehr.LogEntries.Count); // no attempt after the last
        var stored = await WaitForSubscriptionAsync(subscription.Id, s => s.Error?.Contains("dead-letter", StringComparison.Ordinal) == true);
        Assert.Equal(Subscription.SubscriptionStatus.Error, stored.Status);
        Assert.Equal($"HTTP 503 from {Host}; a notification was given up after {SubscriptionServer.MaxAttempts} attempt(s) and moved to the dead-letter state.", stored.Error);
        // Logs name the endpoint's host and ids, never its path, its headers or the payload.
        var logs = string.Join('\n', server.Logs.Messages);
        Assert.Contains($"moved to the dead-letter state after {SubscriptionServer.MaxAttempts} attempt(s) ({Host})", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("patient-smith-1970", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("never-logged", logs, StringComparison.Ordinal);
        Assert.Contains(task.Id, logs, StringComparison.Ordinal);
    }

    private async Task<Subscription> WaitForSubscriptionAsync(string id, Func<Subscription, bool> condition)
    {
        Subscription current = null!;
        await Notifications.Eventually(async () => condition(current = await (await _client.GetAsync($"/fhir/Subscription/{id}")).ReadAsync<Subscription>()),
            () => $"Subscription/{id} in status {current?.Status} with error '{current?.Error}'");
        return current;
    }

    private async Task<Subscription> VersionAsync(string id, int version) =>
        await (await _client.GetAsync($"/fhir/Subscription/{id}/_history/{version}")).ReadAsync<Subscription>();

    public void Dispose() => _ehr.Stop();
}
