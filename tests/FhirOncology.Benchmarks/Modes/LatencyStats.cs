using System.Globalization;

namespace FhirOncology.Benchmarks.Modes;

/// <summary>Percentiles of a set of latencies (nearest rank, as <see cref="Reporting.PhaseResult"/> computes them).</summary>
internal sealed record LatencyStats(int Count, double MeanMs, double P50Ms, double P95Ms, double P99Ms, double MaxMs)
{
    public static LatencyStats From(IEnumerable<double> latenciesMs)
    {
        var sorted = latenciesMs.Order().ToArray();
        return sorted.Length == 0
            ? new LatencyStats(0, 0, 0, 0, 0, 0)
            : new LatencyStats(
                sorted.Length,
                Math.Round(sorted.Average(), 3),
                Percentile(sorted, 0.50),
                Percentile(sorted, 0.95),
                Percentile(sorted, 0.99),
                Math.Round(sorted[^1], 3));
    }

    public string Format() => string.Create(CultureInfo.InvariantCulture,
        $"n={Count} p50={P50Ms:0.00} ms p95={P95Ms:0.00} ms p99={P99Ms:0.00} ms max={MaxMs:0.00} ms");

    /// <summary>The smallest latency that at least <paramref name="fraction"/> of requests did not exceed.</summary>
    private static double Percentile(double[] sorted, double fraction) =>
        Math.Round(sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)], 3);
}
