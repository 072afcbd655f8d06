using FhirOncology.Core.Storage;

namespace FhirOncology.Core.Subscriptions;

public enum NotificationState
{
    Pending,
    Delivered,

    /// <summary>Given up after <see cref="SubscriptionOptions.MaxAttempts"/> failed attempts (the dead-letter state).</summary>
    Dead,

    /// <summary>Not sent: the Subscription was turned off or deleted before delivery.</summary>
    Cancelled,
}

/// <summary>
/// One entry of the outbox: the change of <see cref="Resource"/> to version <see cref="VersionId"/> that matched
/// the Subscription's criteria. It holds keys only; the payload is read from the stored version when sent.
/// <see cref="Sequence"/> orders a Subscription's notifications.
/// </summary>
public sealed record Notification(
    string NotificationId,
    string SubscriptionId,
    long Sequence,
    ResourceKey Resource,
    int VersionId,
    NotificationState State,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    string? LastError);
