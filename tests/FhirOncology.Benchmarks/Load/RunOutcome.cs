namespace FhirOncology.Benchmarks.Load;

/// <summary>The raw result of one or more runs: every successful latency, sorted, and the failures.</summary>
internal sealed class RunOutcome
{
    public required double[] SortedLatenciesMs { get; init; }

    public required long Errors { get; init; }

    public required TimeSpan Elapsed { get; init; }

    public string? FirstError { get; init; }

    public long Requests => SortedLatenciesMs.Length + Errors;

    public static RunOutcome Merge(IReadOnlyList<Worker> workers, TimeSpan elapsed)
    {
        var latencies = new double[workers.Sum(worker => worker.LatenciesMs.Count)];
        var offset = 0;
        foreach (var worker in workers)
        {
            worker.LatenciesMs.CopyTo(latencies, offset);
            offset += worker.LatenciesMs.Count;
        }

        Array.Sort(latencies);
        return new RunOutcome
        {
            SortedLatenciesMs = latencies,
            Errors = workers.Sum(worker => (long)worker.Errors),
            Elapsed = elapsed,
            FirstError = workers.Select(worker => worker.FirstError).FirstOrDefault(error => error is not null),
        };
    }

    /// <summary>Two runs made one after the other (the preload's Patients, then its Observations), as one.</summary>
    public static RunOutcome Sequence(RunOutcome first, RunOutcome second)
    {
        var latencies = new double[first.SortedLatenciesMs.Length + second.SortedLatenciesMs.Length];
        first.SortedLatenciesMs.CopyTo(latencies, 0);
        second.SortedLatenciesMs.CopyTo(latencies, first.SortedLatenciesMs.Length);
        Array.Sort(latencies);
        return new RunOutcome
        {
            SortedLatenciesMs = latencies,
            Errors = first.Errors + second.Errors,
            Elapsed = first.Elapsed + second.Elapsed,
            FirstError = first.FirstError ?? second.FirstError,
        };
    }
}
