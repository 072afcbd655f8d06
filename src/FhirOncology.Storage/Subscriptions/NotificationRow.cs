using FhirOncology.Core.Storage;
using FhirOncology.Core.Subscriptions;

namespace FhirOncology.Storage.Subscriptions;

/// <summary>A row of SubscriptionNotification as Dapper reads and writes it.</summary>
internal sealed class NotificationRow
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Dead = "dead";
    public const string Cancelled = "cancelled";

    public string NotificationId { get; init; } = "";

    public string SubscriptionId { get; init; } = "";

    public long Sequence { get; init; }

    public string ResourceType { get; init; } = "";

    public string ResourceId { get; init; } = "";

    public long VersionId { get; init; }

    public string State { get; init; } = Pending;

    public long Attempts { get; init; }

    public long NextAttemptAt { get; init; }

    public long CreatedAt { get; init; }

    public long? CompletedAt { get; init; }

    public string? LastError { get; init; }

    public static string Format(NotificationState state) => state switch
    {
        NotificationState.Pending => Pending,
        NotificationState.Delivered => Delivered,
        NotificationState.Dead => Dead,
        _ => Cancelled,
    };

    /// <summary>Error texts are short; the column holds 1000 characters.</summary>
    public static string? Clip(string? error) => error is { Length: > 1000 } ? error[..1000] : error;

    public static NotificationRow From(Notification notification) => new()
    {
        NotificationId = notification.NotificationId,
        SubscriptionId = notification.SubscriptionId,
        Sequence = notification.Sequence,
        ResourceType = notification.Resource.Type,
        ResourceId = notification.Resource.Id,
        VersionId = notification.VersionId,
        State = Format(notification.State),
        Attempts = notification.Attempts,
        NextAttemptAt = notification.NextAttemptAt.ToUnixTimeMilliseconds(),
        CreatedAt = notification.CreatedAt.ToUnixTimeMilliseconds(),
        CompletedAt = notification.CompletedAt?.ToUnixTimeMilliseconds(),
        LastError = Clip(notification.LastError),
    };

    public Notification ToNotification() => new(
        NotificationId,
        SubscriptionId,
        Sequence,
        new ResourceKey(ResourceType, ResourceId),
        checked((int)VersionId),
        State switch
        {
            Pending => NotificationState.Pending,
            Delivered => NotificationState.Delivered,
            Dead => NotificationState.Dead,
            Cancelled => NotificationState.Cancelled,
            _ => throw new InvalidDataException($"Unknown notification state '{State}'."),
        },
        checked((int)Attempts),
        DateTimeOffset.FromUnixTimeMilliseconds(NextAttemptAt),
        DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt),
        CompletedAt is { } completed ? DateTimeOffset.FromUnixTimeMilliseconds(completed) : null,
        LastError);
}
