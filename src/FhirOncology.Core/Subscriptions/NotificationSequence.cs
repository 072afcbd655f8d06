namespace FhirOncology.Core.Subscriptions;

/// <summary>
/// Orders a Subscription's notifications: UTC ticks, strictly increasing within the process, so two changes in one
/// millisecond (entries of one transaction Bundle) keep the order they were made in.
/// </summary>
public sealed class NotificationSequence(TimeProvider clock)
{
    private long _last;

    public long Next()
    {
        long last, next;
        do
        {
            last = Interlocked.Read(ref _last);
            next = Math.Max(last + 1, clock.GetUtcNow().UtcTicks);
        }
        while (Interlocked.CompareExchange(ref _last, next, last) != last);
        return next;
    }
}
