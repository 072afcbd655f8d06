using System.Globalization;
using FhirOncology.Benchmarks.Load;

namespace FhirOncology.Benchmarks.Reporting;

/// <summary>
/// The figures for one phase. Latency percentiles and throughput count successful requests only, so fast failures
/// cannot flatter them; failures are counted in <see cref="Errors"/> and, past 1%, fail the run.
/// </summary>
internal sealed record PhaseResult(
    string Name, int Clients, long Requests, long Errors, double DurationSeconds, double ThroughputPerSecond,
    double P50Ms, double P90Ms, double P99Ms, double MaxMs, string? FirstError)
{
    public const double MaxErrorRate = 0.01;

    public bool Acceptable => Requests > 0 && Errors <= Requests * MaxErrorRate;

    public static PhaseResult From(string name, int clients, RunOutcome run)
    {
        var latencies = run.SortedLatenciesMs;
        var seconds = run.Elapsed.TotalSeconds;
        return new PhaseResult(
            name,
            clients,
            run.Requests,
            run.Errors,
            Math.Round(seconds, 3),
            Math.Round(seconds > 0 ? latencies.Length / seconds : 0, 1),
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.90),
            Percentile(latencies, 0.99),
            latencies.Length == 0 ? 0 : Math.Round(latencies[^1], 3),
            run.FirstError);
    }

    /// <summary>One line in a fixed format, for people and for scripts comparing runs.</summary>
    public string SummaryLine() => string.Create(CultureInfo.InvariantCulture,
        $"{Name + ":",-7} clients={Clients} requests={Requests} errors={Errors} duration={DurationSeconds:0.0} s throughput={ThroughputPerSecond:0.0} req/s p50={P50Ms:0.00} ms p90={P90Ms:0.00} ms p99={P99Ms:0.00} ms max={MaxMs:0.00} ms");

    /// <summary>Nearest-rank percentile: the smallest latency that at least <paramref name="fraction"/> of requests did not exceed.</summary>
    private static double Percentile(double[] sorted, double fraction) =>
        sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)], 3);
}
