using FhirOncology.Core.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FhirOncology.Core.Subscriptions;

/// <summary>
/// Works the notification outbox once the host has started (after the schema migrations): claims what is due —
/// the oldest pending notification of each Subscription, so each endpoint gets its notifications in order —,
/// delivers up to <see cref="SubscriptionOptions.MaxConcurrentDeliveries"/> at once, and polls again after
/// <see cref="SubscriptionOptions.PollInterval"/> when nothing was due. Attempt counts and next-attempt times live
/// in the database, so a restart resumes where the last run stopped. Also turns ended Subscriptions off and purges
/// old delivered notifications. Runs as the server itself (<see cref="Caller.Internal"/>).
/// </summary>
public sealed partial class SubscriptionDeliveryService(
    ISubscriptionStore outbox, NotificationDelivery delivery, SubscriptionCache subscriptions, SubscriptionStatusWriter statuses,
    SubscriptionExpiry expiry, IOptions<SubscriptionOptions> options, TimeProvider clock, IHostApplicationLifetime lifetime,
    ILogger<SubscriptionDeliveryService> logger) : BackgroundService
{
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromHours(1);
    private DateTimeOffset _nextPurge;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var caller = CallerContext.Use(Caller.Internal);
        if (!await WaitForStartAsync(stoppingToken))
        {
            return;
        }

        var settings = options.Value;
        // No cancellation token here: every claimed notification reaches DeliverOneAsync, which gives it back on shutdown.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.MaxConcurrentDeliveries };
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                await MaintainAsync(stoppingToken);
                var now = clock.GetUtcNow();
                var due = await outbox.ClaimDueAsync(now, now + settings.Lease, settings.MaxConcurrentDeliveries * 4, stoppingToken);
                claimed = due.Count;
                await Parallel.ForEachAsync(due, parallel, (notification, _) => DeliverOneAsync(notification, stoppingToken));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogLoopFailed(ex); // the database may be briefly unavailable; claimed work retries after its lease
            }

            if (claimed == 0)
            {
                try
                {
                    await Task.Delay(settings.PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async ValueTask DeliverOneAsync(Notification notification, CancellationToken ct)
    {
        try
        {
            await delivery.DeliverAsync(notification, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down mid-delivery: due again at once after the restart (the attempt stays counted).
            await outbox.RescheduleAsync(notification.NotificationId, clock.GetUtcNow(), notification.LastError, CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogDeliveryFailed(ex, notification.NotificationId); // retried when its lease ends
        }
    }

    private async Task MaintainAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (expiry.IsDue(now))
        {
            expiry.Plan(now + SubscriptionExpiry.MaxInterval);
            foreach (var stored in await outbox.ReadSubscriptionsAsync(null, ct))
            {
                if (subscriptions.Parse(stored.Version) is { } subscription && SubscriptionCache.IsNotifying(subscription))
                {
                    if (subscription.End <= now)
                    {
                        await statuses.TurnOffAsync(stored.Version.Key.Id, ct);
                    }
                    else
                    {
                        expiry.Consider(subscription.End);
                    }
                }
            }
        }

        if (now >= _nextPurge)
        {
            _nextPurge = now + PurgeInterval;
            await outbox.PurgeCompletedAsync(now - TimeSpan.FromHours(options.Value.RetentionHours), ct);
        }
    }

    private async Task<bool> WaitForStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The subscription outbox could not be worked; trying again after the poll interval")]
    private partial void LogLoopFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification {NotificationId} could not be processed; it is retried when its lease ends")]
    private partial void LogDeliveryFailed(Exception exception, string notificationId);
}
