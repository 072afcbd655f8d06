namespace FhirOncology.Benchmarks.Load;

/// <summary>When a run ends: after a duration, or after a number of requests across all clients.</summary>
internal readonly record struct StopCondition(TimeSpan? Duration, long Count)
{
    public static StopCondition For(TimeSpan duration) => new(duration, long.MaxValue);

    public static StopCondition After(long count) => new(null, count);

    /// <summary>Seconds when <paramref name="count"/> is zero, else the count.</summary>
    public static StopCondition From(int seconds, int count) =>
        count > 0 ? After(count) : For(TimeSpan.FromSeconds(seconds));
}
