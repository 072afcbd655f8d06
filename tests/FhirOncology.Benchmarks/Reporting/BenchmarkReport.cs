using FhirOncology.Benchmarks.Options;

namespace FhirOncology.Benchmarks.Reporting;

/// <summary>Everything a run produced, as written by <c>--out</c>.</summary>
internal sealed record BenchmarkReport(
    MachineFacts Machine, string Server, BenchmarkOptions Options, IReadOnlyList<PhaseResult> Phases, bool Passed);
