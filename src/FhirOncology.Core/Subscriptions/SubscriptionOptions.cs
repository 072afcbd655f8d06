using System.ComponentModel.DataAnnotations;

namespace FhirOncology.Core.Subscriptions;

/// <summary>R4 Subscriptions (subscription.html), section <c>Subscriptions</c>, validated at start-up (STYLE.md §8).</summary>
public sealed class SubscriptionOptions
{
    public const string Section = "Subscriptions";

    /// <summary>
    /// Absolute http(s) URLs a channel.endpoint must start with (same scheme, host and port; the path below the
    /// prefix's). Empty: any https endpoint. Set it in production: the server sends health data where this allows.
    /// </summary>
    public string[] AllowedEndpointPrefixes { get; set; } = [];

    /// <summary>Whether plain-http endpoints are accepted; when unset, only in the Development environment.</summary>
    public bool? AllowHttpEndpoints { get; set; }

    /// <summary>Delivery attempts of one notification before it moves to the dead-letter state.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Failed attempts of one notification after which the Subscription's status becomes <c>error</c>.</summary>
    [Range(1, 100)]
    public int ErrorAfterAttempts { get; set; } = 3;

    /// <summary>How often the outbox is polled when it had nothing due.</summary>
    [Range(10, 600_000)]
    public int PollIntervalMilliseconds { get; set; } = 1000;

    /// <summary>The wait after the first failed attempt; it doubles with every further one (exponential backoff).</summary>
    [Range(1, 86_400_000)]
    public int BaseRetryDelayMilliseconds { get; set; } = 30_000;

    /// <summary>The longest wait between two attempts.</summary>
    [Range(1, 86_400_000)]
    public int MaxRetryDelayMilliseconds { get; set; } = 3_600_000;

    /// <summary>How long the endpoint has to answer one notification.</summary>
    [Range(100, 600_000)]
    public int DeliveryTimeoutMilliseconds { get; set; } = 10_000;

    /// <summary>Notifications sent at once (to different Subscriptions; each Subscription's own are sent in order).</summary>
    [Range(1, 64)]
    public int MaxConcurrentDeliveries { get; set; } = 4;

    /// <summary>How long delivered and cancelled notifications are kept; dead-lettered ones are kept.</summary>
    [Range(1, 24 * 366)]
    public int RetentionHours { get; set; } = 24 * 7;

    public TimeSpan PollInterval => TimeSpan.FromMilliseconds(PollIntervalMilliseconds);

    public TimeSpan DeliveryTimeout => TimeSpan.FromMilliseconds(DeliveryTimeoutMilliseconds);

    /// <summary>A claimed notification is not claimed again before this (a crash mid-delivery retries after it).</summary>
    public TimeSpan Lease => DeliveryTimeout + TimeSpan.FromSeconds(30);
}
