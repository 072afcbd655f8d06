using FhirOncology.Benchmarks.Modes;

namespace FhirOncology.Benchmarks.Generation;

/// <summary>The population load as a whole. Rates and latencies count successful Bundles only.</summary>
/// <param name="Created">Entries the server created; the rest matched an earlier run's resources (ifNoneExist).</param>
/// <param name="StoppedBecause">complete, time limit, interrupted or too many errors.</param>
internal sealed record IngestSummary(
    int PlannedPatients, int LoadedPatients, long Resources, long Created, int Errors, string? FirstError, double Seconds,
    double ResourcesPerSecond, double BundlesPerSecond, LatencyStats Latency, IReadOnlyList<IngestStep> Steps, string StoppedBecause);
