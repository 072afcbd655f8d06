using FhirOncology.Core.Storage;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FhirOncology.Core.Subscriptions;

/// <summary>
/// Delivers one claimed notification and records the outcome: delivered; failed and rescheduled with exponential
/// backoff (the Subscription goes to status error with Subscription.error after
/// <see cref="SubscriptionOptions.ErrorAfterAttempts"/> failures); dead-lettered after
/// <see cref="SubscriptionOptions.MaxAttempts"/>; or cancelled when its Subscription is off, ended or deleted.
/// The Subscription is read as it is now, so a client that fixes an endpoint fixes the retries too. Logs name ids
/// and the endpoint's host only — never the URL, the headers or the payload.
/// </summary>
public sealed partial class NotificationDelivery(
    ISubscriptionStore outbox, IResourceStore resources, SubscriptionCache subscriptions, EndpointPolicy endpoints,
    NotificationSender sender, SubscriptionStatusWriter statuses, IOptions<SubscriptionOptions> options, TimeProvider clock,
    ILogger<NotificationDelivery> logger)
{
    public async Task DeliverAsync(Notification notification, CancellationToken ct)
    {
        var stored = await resources.ReadCurrentAsync(new ResourceKey("Subscription", notification.SubscriptionId), ct);
        var subscription = stored is null ? null : subscriptions.Parse(stored);
        if (subscription is null || !SubscriptionCache.IsNotifying(subscription) || subscription.End <= clock.GetUtcNow())
        {
            if (subscription?.End <= clock.GetUtcNow())
            {
                await statuses.TurnOffAsync(notification.SubscriptionId, ct);
            }

            await outbox.CompleteAsync(notification.NotificationId, NotificationState.Cancelled, clock.GetUtcNow(), "The Subscription is off, ended or deleted.", ct);
            LogCancelled(notification.NotificationId, notification.SubscriptionId);
            return;
        }

        if (endpoints.Check(subscription.Channel.Endpoint, out var endpoint) is { } problem)
        {
            await FailAsync(notification, problem, "-", permanent: true, ct); // configuration changed since it was accepted
            return;
        }

        ReadOnlyMemory<byte>? payload = null;
        if (subscription.Channel.Payload is not null)
        {
            var version = await resources.ReadVersionAsync(notification.Resource, notification.VersionId, ct);
            payload = version?.Json;
        }

        var error = await sender.SendAsync(endpoint!, ChannelHeaders.Parse(subscription.Channel.Header), notification.Resource, payload, ct);
        var host = EndpointPolicy.HostOf(endpoint!);
        if (error is not null)
        {
            await FailAsync(notification, error, host, permanent: false, ct);
            return;
        }

        await outbox.CompleteAsync(notification.NotificationId, NotificationState.Delivered, clock.GetUtcNow(), null, ct);
        LogDelivered(notification.NotificationId, notification.SubscriptionId, notification.Resource.Type, notification.Resource.Id,
            notification.VersionId, host, notification.Attempts);
        if (subscription.Status == Subscription.SubscriptionStatus.Error)
        {
            await statuses.MarkActiveAsync(notification.SubscriptionId, ct);
        }
    }

    private async Task FailAsync(Notification notification, string error, string host, bool permanent, CancellationToken ct)
    {
        var settings = options.Value;
        if (permanent || notification.Attempts >= settings.MaxAttempts)
        {
            await outbox.CompleteAsync(notification.NotificationId, NotificationState.Dead, clock.GetUtcNow(), error, ct);
            LogDeadLettered(notification.NotificationId, notification.SubscriptionId, notification.Attempts, host);
            await statuses.MarkErrorAsync(notification.SubscriptionId,
                $"{error}; a notification was given up after {notification.Attempts} attempt(s) and moved to the dead-letter state.", ct);
            return;
        }

        var delay = RetrySchedule.Delay(notification.Attempts, settings, Random.Shared.NextDouble());
        await outbox.RescheduleAsync(notification.NotificationId, clock.GetUtcNow() + delay, error, ct);
        LogRetrying(notification.NotificationId, notification.SubscriptionId, notification.Attempts, host, delay.TotalMilliseconds);
        if (notification.Attempts >= settings.ErrorAfterAttempts)
        {
            await statuses.MarkErrorAsync(notification.SubscriptionId, error, ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Notification {NotificationId} of Subscription/{SubscriptionId} ({ResourceType}/{ResourceId}/_history/{VersionId}) delivered to {Host} at attempt {Attempt}")]
    private partial void LogDelivered(string notificationId, string subscriptionId, string resourceType, string resourceId, int versionId, string host, int attempt);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Notification {NotificationId} of Subscription/{SubscriptionId} failed at attempt {Attempt} ({Host}); next attempt in {DelayMilliseconds:F0} ms")]
    private partial void LogRetrying(string notificationId, string subscriptionId, int attempt, string host, double delayMilliseconds);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Notification {NotificationId} of Subscription/{SubscriptionId} moved to the dead-letter state after {Attempts} attempt(s) ({Host})")]
    private partial void LogDeadLettered(string notificationId, string subscriptionId, int attempts, string host);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification {NotificationId} cancelled: Subscription/{SubscriptionId} is off, ended or deleted")]
    private partial void LogCancelled(string notificationId, string subscriptionId);
}
