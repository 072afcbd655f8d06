using System.Globalization;
using FhirOncology.Benchmarks.Modes;

namespace FhirOncology.Benchmarks.Generation;

/// <summary>Latency of the fixed-shape referral Bundle, sent one at a time with nothing else running.</summary>
/// <param name="Label">probe-start (empty database) or probe-end (after the load).</param>
/// <param name="Entries">Entries per Bundle (40).</param>
internal sealed record ProbeResult(string Label, int Bundles, int Entries, int Errors, string? FirstError, LatencyStats Latency)
{
    public string SummaryLine() => string.Create(CultureInfo.InvariantCulture,
        $"{Label + ":",-13} bundles={Bundles} entries={Entries} errors={Errors} p50={Latency.P50Ms:0.00} ms p95={Latency.P95Ms:0.00} ms p99={Latency.P99Ms:0.00} ms max={Latency.MaxMs:0.00} ms");
}
