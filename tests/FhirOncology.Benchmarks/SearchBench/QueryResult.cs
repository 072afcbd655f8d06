using System.Globalization;
using FhirOncology.Benchmarks.Modes;

namespace FhirOncology.Benchmarks.SearchBench;

/// <summary>
/// One query's figures. Latency and throughput count successful requests only; result counts are matches on the
/// first page (the server's page size, 50 unless the query sets _count), and resources included with them.
/// </summary>
/// <param name="Requests">Measured requests, successful or not.</param>
/// <param name="Errors">Failed requests, warm-up ones included.</param>
/// <param name="Problem">Why the query failed (errors, or results not as expected), or null.</param>
internal sealed record QueryResult(
    string Name, string Template, string ExampleUrl, int Clients, int Requests, int Errors, string? FirstError, double Seconds,
    double ThroughputPerSecond, LatencyStats Latency, int MinMatches, double MeanMatches, int MaxMatches, int ZeroMatchRequests,
    double MeanIncludes, int PagesWithNext, string? Problem)
{
    public string SummaryLine() => string.Create(CultureInfo.InvariantCulture,
        $"{Name + ":",-30} requests={Requests} errors={Errors} p50={Latency.P50Ms:0.00} ms p95={Latency.P95Ms:0.00} ms p99={Latency.P99Ms:0.00} ms max={Latency.MaxMs:0.00} ms throughput={ThroughputPerSecond:0.0} req/s matches(min/mean/max)={MinMatches}/{MeanMatches:0.0}/{MaxMatches} zero={ZeroMatchRequests} includes(mean)={MeanIncludes:0.0} next={PagesWithNext}");
}
