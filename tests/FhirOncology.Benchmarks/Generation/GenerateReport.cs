using FhirOncology.Benchmarks.Reporting;

namespace FhirOncology.Benchmarks.Generation;

/// <summary>Everything a <c>generate</c> run produced, as written by <c>--out</c>.</summary>
/// <param name="EndProbe">Null when the run was interrupted before it.</param>
/// <param name="Counts">Current resources on the server after the load, in all and per type; null when not counted.</param>
internal sealed record GenerateReport(
    MachineFacts Machine, string Server, GenerateOptions Options, CareTeam CareTeam, ProbeResult StartProbe, IngestSummary Ingest,
    ProbeResult? EndProbe, IReadOnlyDictionary<string, long>? Counts, bool Passed, string? Failure);
