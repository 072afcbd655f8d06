using System.Globalization;
using System.Text.Json;
using FhirOncology.Benchmarks.Modes;
using FhirOncology.Benchmarks.Options;

namespace FhirOncology.Benchmarks.SearchBench;

/// <summary>The <c>search-bench</c> mode: the referral queries against a loaded database, one query after another.</summary>
internal static class SearchBenchCommand
{
    // A population query on a large database may be slow; still a bounded wait, reported as an error past it.
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(string[] args)
    {
        if (!SearchBenchOptions.TryParse(args, out var options, out var problem))
        {
            return UsageReply.Write(problem, SearchBenchOptions.Usage);
        }

        using var session = await ModeSession.OpenAsync(options.BaseUrl, options.Clients, RequestTimeout, options.Auth);
        if (session is null)
        {
            return 1;
        }

        var log = Console.Out;
        var ct = session.Interrupted;
        try
        {
            var inputs = await InputsAsync(options, session.Http, log, ct);
            if (inputs.Samples.Count == 0 || inputs.ReviewerOrganizationIds.Count == 0)
            {
                Console.Error.WriteLine("FAILED: no generated referrals or reviewing Organizations found; run 'generate' first.");
                return 1;
            }

            var counts = await ServerCounts.CountAsync(session.Http, ct);
            log.WriteLine("  counts: " + ServerCounts.Format(counts));
            var runner = new QueryRunner(session.Http, options);
            var results = new List<QueryResult>();
            var queries = ReferralQueries.All(inputs);
            for (var i = 0; i < queries.Count; i++)
            {
                var query = queries[i];
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"running {query.Name}: {query.Template}, {options.Iterations} requests, {options.Clients} clients"));
                var result = await runner.RunAsync(query, i, ct);
                log.WriteLine("  " + result.SummaryLine());
                log.WriteLine("  example: " + result.ExampleUrl);
                if (result.Problem is { } queryProblem)
                {
                    log.WriteLine("  problem: " + queryProblem);
                }

                results.Add(result);
            }

            var failures = results.Where(r => r.Problem is not null).Select(r => $"{r.Name}: {r.Problem}").ToList();
            var failure = failures.Count == 0 ? null : string.Join(" | ", failures);
            var report = new SearchBenchReport(
                session.Machine, session.Server, options, inputs.Source, inputs.Samples.Count, counts, results, failure is null, failure);
            log.WriteLine();
            log.WriteLine("== summary ==");
            log.WriteLine("counts: " + ServerCounts.Format(counts));
            foreach (var result in results)
            {
                log.WriteLine(result.SummaryLine());
            }

            if (options.Out is { } path)
            {
                log.WriteLine($"results written to {JsonFile.Write(path, report, ModeJsonContext.Default.SearchBenchReport)}");
            }

            if (failure is not null)
            {
                Console.Error.WriteLine($"FAILED: {failure}");
            }

            return failure is null ? 0 : 1;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Console.Error.WriteLine("Interrupted.");
            return 130;
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or IOException or InvalidOperationException)
        {
            Console.Error.WriteLine($"FAILED: {exception.Message}");
            return 1;
        }
    }

    private static async Task<PopulationManifest> InputsAsync(SearchBenchOptions options, HttpClient http, TextWriter log, CancellationToken ct)
    {
        if (options.Manifest is { } path)
        {
            var manifest = JsonFile.Read(path, ModeJsonContext.Default.PopulationManifest);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"parameters from {Path.GetFullPath(path)}: {manifest.Samples.Count} patients, seed {manifest.Seed}"));
            return manifest;
        }

        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"discovering parameters: up to {options.Discover} referrals with their Patients"));
        return await InputDiscovery.DiscoverAsync(http, options.Discover, log, ct);
    }
}
