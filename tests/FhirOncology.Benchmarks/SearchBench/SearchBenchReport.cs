using FhirOncology.Benchmarks.Reporting;

namespace FhirOncology.Benchmarks.SearchBench;

/// <summary>Everything a <c>search-bench</c> run produced, as written by <c>--out</c>.</summary>
/// <param name="InputSource">Where the parameters came from: "generate" (a manifest) or "discovered".</param>
/// <param name="Samples">Patients the parameters were drawn from.</param>
/// <param name="Counts">Current resources on the server when the run started, in all and per type.</param>
internal sealed record SearchBenchReport(
    MachineFacts Machine, string Server, SearchBenchOptions Options, string InputSource, int Samples,
    IReadOnlyDictionary<string, long> Counts, IReadOnlyList<QueryResult> Queries, bool Passed, string? Failure);
