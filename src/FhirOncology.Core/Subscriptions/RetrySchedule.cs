namespace FhirOncology.Core.Subscriptions;

/// <summary>
/// Exponential backoff between delivery attempts: the base delay after the first failure, doubling after each
/// further one, capped; up to a fifth shorter at random, so notifications held up by one outage do not all
/// return at the same instant.
/// </summary>
public static class RetrySchedule
{
    /// <param name="failedAttempts">Attempts made so far, all failed (1 or more).</param>
    /// <param name="jitter">A random number in [0, 1).</param>
    public static TimeSpan Delay(int failedAttempts, SubscriptionOptions options, double jitter)
    {
        var exponent = Math.Clamp(failedAttempts - 1, 0, 40);
        var milliseconds = Math.Min(options.BaseRetryDelayMilliseconds * Math.Pow(2, exponent), options.MaxRetryDelayMilliseconds);
        return TimeSpan.FromMilliseconds(milliseconds * (1 - (0.2 * jitter)));
    }
}
