using FhirOncology.Core.Subscriptions;
using FhirOncology.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace FhirOncology.IntegrationTests.Subscriptions;

/// <summary>The outbox lives in the database: a notification pending when the server stops is delivered by the next one, its attempts counted on.</summary>
public sealed class SubscriptionRestartTests : IDisposable
{
    private readonly WireMockServer _ehr = WireMockServer.Start();
    private readonly string _dataDirectory = Infrastructure.FhirServerFactory.NewDataDirectory();
    private readonly string _case = Guid.NewGuid().ToString("N");

    [Fact]
    public async Task PendingNotification_IsDeliveredAfterARestart()
    {
        _ehr.Given(Request.Create().WithPath("/ehr/notify")).RespondWith(Response.Create().WithStatusCode(500));
        string subscriptionId;
        await using (var first = SubscriptionServer.On(_dataDirectory))
        {
            var client = first.CreateClient();
            subscriptionId = (await client.CreateAsync(Notifications.Subscription(_ehr.Url + "/ehr/notify", _case, payload: null))).Id;
            await client.CreateAsync(Notifications.Task(_case));
            await _ehr.WaitForRequestsAsync(2);
        }

        // Stopped: nothing is sent any more, and the notification is still pending with its attempts recorded.
        var requestsBefore = _ehr.LogEntries.Count;
        _ehr.ResetMappings();
        _ehr.Given(Request.Create().WithPath("/ehr/notify")).RespondWith(Response.Create().WithStatusCode(200));

        var pending = Assert.Single(await ReadOutboxWhileStoppedAsync(subscriptionId));
        Assert.Equal(NotificationState.Pending, pending.State);
        Assert.InRange(pending.Attempts, requestsBefore, requestsBefore + 1); // one more if it was claimed as the server stopped
        Assert.Equal("HTTP 500 from localhost:" + _ehr.Port, pending.LastError);

        await using var second = SubscriptionServer.On(_dataDirectory);
        var delivered = Assert.Single(await second.WaitForOutboxAsync(subscriptionId, n => n.Count == 1 && n[0].State == NotificationState.Delivered, "delivered after the restart"));
        Assert.Equal(pending.Attempts + 1, delivered.Attempts);
        Assert.Equal(requestsBefore + 1, _ehr.LogEntries.Count);
    }

    /// <summary>The outbox as stored, read through the storage layer alone while no server runs.</summary>
    private async Task<IReadOnlyList<Notification>> ReadOutboxWhileStoppedAsync(string subscriptionId)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:DataDirectory"] = _dataDirectory,
        }).Build();
        await using var storage = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddFhirStorage().BuildServiceProvider();
        return await storage.GetRequiredService<ISubscriptionStore>().ReadNotificationsAsync(subscriptionId, CancellationToken.None);
    }

    public void Dispose()
    {
        _ehr.Stop();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
