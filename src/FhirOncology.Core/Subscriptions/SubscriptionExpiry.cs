namespace FhirOncology.Core.Subscriptions;

/// <summary>
/// When the delivery service should next look for Subscriptions whose end has passed (Subscription.end: "The time
/// for the server to turn the subscription off"): at start-up, at least every <see cref="MaxInterval"/>, and at
/// the earliest end written since (in this process).
/// </summary>
public sealed class SubscriptionExpiry
{
    public static readonly TimeSpan MaxInterval = TimeSpan.FromMinutes(1);

    private long _nextUtcTicks; // 0: at once

    public bool IsDue(DateTimeOffset now) => now.UtcTicks >= Interlocked.Read(ref _nextUtcTicks);

    /// <summary>Plans the next sweep; call before sweeping, so ends written meanwhile still bring it forward.</summary>
    public void Plan(DateTimeOffset next) => Interlocked.Exchange(ref _nextUtcTicks, next.UtcTicks);

    public void Consider(DateTimeOffset? end)
    {
        if (end is not { } instant)
        {
            return;
        }

        long current;
        do
        {
            current = Interlocked.Read(ref _nextUtcTicks);
            if (instant.UtcTicks >= current)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _nextUtcTicks, instant.UtcTicks, current) != current);
    }
}
