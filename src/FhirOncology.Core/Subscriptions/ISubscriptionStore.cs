using FhirOncology.Core.Storage;

namespace FhirOncology.Core.Subscriptions;

/// <summary>
/// Where Subscriptions keep their server-side state (implemented by FhirOncology.Storage): who owns each
/// Subscription, and the notification outbox. The methods taking an <see cref="IStoreWriteTransaction"/> run in that
/// write's own database transaction, so a notification commits or rolls back with the change it reports.
/// </summary>
public interface ISubscriptionStore
{
    /// <summary>Changes whenever any Subscription is written (created, updated or deleted), here or by another server.</summary>
    Task<SubscriptionSetStamp> ReadStampAsync(IStoreWriteTransaction transaction, CancellationToken cancellationToken);

    /// <summary>The current, not deleted Subscriptions with their owners; through the transaction when given.</summary>
    Task<IReadOnlyList<StoredSubscription>> ReadSubscriptionsAsync(IStoreWriteTransaction? transaction, CancellationToken cancellationToken);

    /// <summary>Replaces the organisations whose view bounds what the Subscription is notified of.</summary>
    Task SetOwnersAsync(IStoreWriteTransaction transaction, string subscriptionId, IReadOnlyList<string> organizationIds, CancellationToken cancellationToken);

    Task EnqueueAsync(IStoreWriteTransaction transaction, Notification notification, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="take"/> pending notifications due at <paramref name="now"/>, each the oldest
    /// pending one of its Subscription: counts the attempt and moves its next attempt to <paramref name="leaseUntil"/>,
    /// so no other poller takes it and a crash mid-delivery retries it then.
    /// </summary>
    Task<IReadOnlyList<Notification>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int take, CancellationToken cancellationToken);

    /// <summary>Sets the next attempt of a pending notification and records the error of the last one.</summary>
    Task RescheduleAsync(string notificationId, DateTimeOffset nextAttemptAt, string? lastError, CancellationToken cancellationToken);

    /// <summary>Ends a notification: delivered, dead-lettered or cancelled.</summary>
    Task CompleteAsync(string notificationId, NotificationState state, DateTimeOffset completedAt, string? lastError, CancellationToken cancellationToken);

    /// <summary>Every notification of a Subscription, oldest first (operations and tests).</summary>
    Task<IReadOnlyList<Notification>> ReadNotificationsAsync(string subscriptionId, CancellationToken cancellationToken);

    /// <summary>Deletes delivered and cancelled notifications completed before the instant; dead letters stay.</summary>
    Task<int> PurgeCompletedAsync(DateTimeOffset completedBefore, CancellationToken cancellationToken);
}

/// <summary>An opaque marker of the stored set of Subscriptions: equal stamps, same Subscriptions.</summary>
public sealed record SubscriptionSetStamp(long Rows, long Latest);

/// <summary>A current Subscription as stored, and the organisations that own it.</summary>
public sealed record StoredSubscription(ResourceVersion Version, IReadOnlyList<string> Owners);
