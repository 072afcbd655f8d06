using System.Net;
using FhirOncology.Core.Subscriptions;
using FhirOncology.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;
using WireMock.Logging;
using WireMock.Server;

namespace FhirOncology.IntegrationTests.Subscriptions;

/// <summary>Building Subscriptions and Tasks for the tests, and waiting for what the background delivery does.</summary>
public static class Notifications
{
    public const string TaskSystem = "urn:fhironcology-test:task";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>A requested rest-hook Subscription on the Tasks with this identifier (plus any further criteria).</summary>
    public static Subscription Subscription(string endpoint, string taskIdentifier, string? moreCriteria = null, string? payload = SubscriptionRules.FhirJson, params string[] headers) => new()
    {
        Status = Hl7.Fhir.Model.Subscription.SubscriptionStatus.Requested,
        Reason = "Tell the referring EHR when its second-opinion case changes",
        Criteria = $"Task?identifier={TaskSystem}|{taskIdentifier}{moreCriteria}",
        Channel = new Hl7.Fhir.Model.Subscription.ChannelComponent
        {
            Type = Hl7.Fhir.Model.Subscription.SubscriptionChannelType.RestHook,
            Endpoint = endpoint,
            Payload = payload,
            Header = headers,
        },
    };

    public static Hl7.Fhir.Model.Task Task(string identifier, Hl7.Fhir.Model.Task.TaskStatus status = Hl7.Fhir.Model.Task.TaskStatus.Requested) => new()
    {
        Identifier = [new Identifier(TaskSystem, identifier)],
        Status = status,
        Intent = Hl7.Fhir.Model.Task.TaskIntent.Order,
    };

    public static async Task<T> CreateAsync<T>(this HttpClient client, T resource) where T : Resource
    {
        var response = await client.PostAsync($"/fhir/{resource.TypeName}", FhirHttp.Json(resource));
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{resource.TypeName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<T>();
    }

    public static async Task<T> UpdateAsync<T>(this HttpClient client, T resource) where T : Resource
    {
        var response = await client.PutAsync($"/fhir/{resource.TypeName}/{resource.Id}", FhirHttp.Json(resource));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{resource.TypeName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<T>();
    }

    /// <summary>Waits until the EHR endpoint has received at least <paramref name="count"/> requests; returns them all.</summary>
    public static async Task<IReadOnlyList<ILogEntry>> WaitForRequestsAsync(this WireMockServer ehr, int count)
    {
        await Eventually(() => System.Threading.Tasks.Task.FromResult(ehr.LogEntries.Count >= count), () => $"{count} request(s) at the EHR endpoint; got {ehr.LogEntries.Count}");
        return [.. ehr.LogEntries.OrderBy(entry => entry.RequestMessage.DateTime)];
    }

    /// <summary>Waits until the Subscription's notifications satisfy the condition; returns them.</summary>
    public static async Task<IReadOnlyList<Notification>> WaitForOutboxAsync(
        this SubscriptionServer server, string subscriptionId, Func<IReadOnlyList<Notification>, bool> condition, string what)
    {
        IReadOnlyList<Notification> notifications = [];
        await Eventually(async () => condition(notifications = await server.Outbox.ReadNotificationsAsync(subscriptionId, CancellationToken.None)),
            () => what + ": " + string.Join(", ", notifications.Select(n => $"{n.State}/{n.Attempts}")));
        return notifications;
    }

    public static async Task Eventually(Func<Task<bool>> condition, Func<string> what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for " + what());
            await System.Threading.Tasks.Task.Delay(50);
        }
    }
}
