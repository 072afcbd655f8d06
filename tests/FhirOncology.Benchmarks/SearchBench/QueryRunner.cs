using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using FhirOncology.Benchmarks.Modes;

namespace FhirOncology.Benchmarks.SearchBench;

/// <summary>
/// Runs one query: a few unmeasured requests (first-use costs: JIT, cold pages), then the measured ones from closed-loop
/// clients, bounded by a count and a time limit. Iteration i always draws its parameters from the same Random, so two
/// runs with the same seed send the same requests.
/// </summary>
internal sealed class QueryRunner(HttpClient http, SearchBenchOptions options)
{
    private const int MaxErrorBodyChars = 300;

    public async Task<QueryResult> RunAsync(BenchQuery query, int queryNumber, CancellationToken ct)
    {
        // Warm-up failures count as errors too: any failed request fails the run, measured or not.
        var errors = 0;
        string? firstError = null;
        for (var i = 0; i < options.Warmup; i++)
        {
            var (_, page, error) = await SendAsync(query.Draw(IterationRandom(queryNumber, options.Iterations + i)), ct);
            if (page is null)
            {
                errors++;
                firstError ??= error;
            }
        }

        var warmupErrors = errors;

        var latencies = new double[options.Iterations];
        var pages = new SearchPage?[options.Iterations];
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        var deadline = started + options.MaxSeconds * Stopwatch.Frequency;
        await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(_ => Task.Run(ClientAsync, CancellationToken.None)));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        var done = pages.Select((page, i) => (page, i)).Where(p => p.page is not null).ToArray();
        var matches = done.Select(p => p.page!.Value.Matches).DefaultIfEmpty().ToArray();
        var result = new QueryResult(
            query.Name, query.Template, query.Draw(IterationRandom(queryNumber, 0)), options.Clients, done.Length + errors - warmupErrors, errors,
            firstError, Math.Round(seconds, 3), Math.Round(done.Length / Math.Max(seconds, 0.001), 1),
            LatencyStats.From(done.Select(p => latencies[p.i])), matches.Min(), Math.Round(matches.Average(), 2), matches.Max(),
            done.Count(p => p.page!.Value.Matches == 0), Math.Round(done.Select(p => (double)p.page!.Value.Includes).DefaultIfEmpty().Average(), 2),
            done.Count(p => p.page!.Value.HasNext), null);
        return result with { Problem = Problem(query, result, done.Select(p => p.page!.Value)) };

        async Task ClientAsync()
        {
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= options.Iterations)
                {
                    return;
                }

                var (elapsedMs, page, error) = await SendAsync(query.Draw(IterationRandom(queryNumber, i)), ct);
                if (page is null)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, error, null);
                    continue;
                }

                latencies[i] = elapsedMs;
                pages[i] = page;
            }
        }
    }

    private static string? Problem(BenchQuery query, QueryResult result, IEnumerable<SearchPage> pages)
    {
        if (result.Errors > 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{result.Errors} requests failed. First: {result.FirstError}");
        }

        var all = pages.ToArray();
        return query.Expectation switch
        {
            _ when all.Length == 0 => "no request completed.",
            ResultExpectation.SomeIteration when all.All(p => p.Matches == 0) => "no request matched anything.",
            ResultExpectation.EveryIteration when all.Any(p => p.Matches == 0) => string.Create(CultureInfo.InvariantCulture,
                $"{all.Count(p => p.Matches == 0)} requests matched nothing, but their parameters come from loaded data."),
            ResultExpectation.OneMatchWithIncludes when all.Any(p => p.Matches != 1 || p.Includes < 2) => string.Create(CultureInfo.InvariantCulture,
                $"{all.Count(p => p.Matches != 1 || p.Includes < 2)} requests did not return one referral with its Patient and Task."),
            _ => null,
        };
    }

    private Random IterationRandom(int queryNumber, int iteration) => new(unchecked(options.Seed * 1_000_003 + queryNumber * 100_003 + iteration));

    /// <summary>Times the request until its whole body is read; parses it afterwards, outside the timing.</summary>
    private async Task<(double ElapsedMs, SearchPage? Page, string? Error)> SendAsync(string url, CancellationToken ct)
    {
        var begin = Stopwatch.GetTimestamp();
        byte[] body;
        HttpStatusCode status;
        try
        {
            using var response = await http.GetAsync(new Uri(url, UriKind.Relative), HttpCompletionOption.ResponseContentRead, ct);
            status = response.StatusCode;
            body = await response.Content.ReadAsByteArrayAsync(ct);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException
            || (exception is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return (0, null, $"GET {url}: {exception.GetType().Name}: {exception.Message}");
        }

        var elapsedMs = Stopwatch.GetElapsedTime(begin).TotalMilliseconds;
        if (status != HttpStatusCode.OK)
        {
            var text = Encoding.UTF8.GetString(body);
            return (elapsedMs, null, string.Create(CultureInfo.InvariantCulture,
                $"GET {url} answered {(int)status}: {(text.Length > MaxErrorBodyChars ? text[..MaxErrorBodyChars] + "…" : text)}"));
        }

        try
        {
            return (elapsedMs, SearchPage.Parse(body), null);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return (elapsedMs, null, $"GET {url} answered 200 with an unreadable Bundle: {exception.Message}");
        }
    }
}
