using System.Globalization;
using System.Text.Json;
using FhirOncology.Benchmarks.Auth;
using FhirOncology.Benchmarks.Generation;
using FhirOncology.Benchmarks.Http;
using FhirOncology.Benchmarks.Options;
using FhirOncology.Benchmarks.Phases;
using FhirOncology.Benchmarks.Reporting;
using FhirOncology.Benchmarks.Resources;
using FhirOncology.Benchmarks.SearchBench;

namespace FhirOncology.Benchmarks;

/// <summary>
/// Load generator for a running server: preload, then create and read throughput and latency (README.md); or, with a
/// first argument of <c>generate</c> or <c>search-bench</c>, the oncology population load and the referral searches.
/// Exit codes: 0 passed, 1 server unreachable or too many errors, 2 bad arguments, 130 interrupted.
/// </summary>
internal static class Program
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    public static async Task<int> Main(string[] args)
    {
        // The two modes take their own options; without a mode name this is the create/read benchmark, as before.
        switch (args.FirstOrDefault())
        {
            case "generate":
                return await GenerateCommand.RunAsync(args[1..]);
            case "search-bench":
                return await SearchBenchCommand.RunAsync(args[1..]);
        }

        if (!OptionsParser.TryParse(args, out var options, out var problem))
        {
            return UsageReply.Write(problem, OptionsParser.Usage);
        }

        using var interrupt = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // Stop the clients and still exit through Main, so the connection pool is closed cleanly.
            e.Cancel = true;
            interrupt.Cancel();
        };

        var machine = MachineFacts.Capture();
        machine.Print(Console.Out);

        var runTag = "bench-" + DateTimeOffset.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        if (!AccessTokenSources.TryCreate(options.Auth, options.BaseUrl, out var tokens))
        {
            return 1;
        }

        using var tokenSource = tokens;
        using var http = FhirHttpClient.Create(options.BaseUrl, options.MaxClients, tokens);
        var api = new FhirApi(http, new ResourceBodies(runTag));

        string server;
        try
        {
            using var probe = CancellationTokenSource.CreateLinkedTokenSource(interrupt.Token);
            probe.CancelAfter(ProbeTimeout);
            if (!await AccessTokenSources.CheckAsync(tokens, probe.Token))
            {
                return 1;
            }

            server = await api.DescribeServerAsync(probe.Token);
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException && !interrupt.IsCancellationRequested)
        {
            Console.Error.WriteLine($"The server is not reachable at {options.BaseUrl}/metadata: {exception.Message}");
            Console.Error.WriteLine("Start it first (tests/FhirOncology.Benchmarks/README.md) or pass --base-url.");
            return 1;
        }
        catch (OperationCanceledException)
        {
            return Interrupted();
        }

        Console.WriteLine($"server:     {server} at {options.BaseUrl}");
        Console.WriteLine();

        var results = new List<PhaseResult>();
        try
        {
            var failure = await RunAsync(new BenchmarkPhases(api, options, Console.Out), results, interrupt.Token);
            return Finish(machine, server, options, results, failure);
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            return Interrupted();
        }
    }

    /// <summary>Runs the phases in order, stopping at the first that fails; returns why it failed, or null.</summary>
    private static async Task<string?> RunAsync(BenchmarkPhases phases, List<PhaseResult> results, CancellationToken ct)
    {
        if (await phases.PreloadAsync(ct) is { } preload)
        {
            results.Add(preload);
            if (!preload.Acceptable)
            {
                return TooManyErrors(preload);
            }
        }

        if (await phases.EnsurePatientAsync(ct) is { } patientError)
        {
            return $"Could not create a Patient for the Observations to refer to: {patientError}";
        }

        var create = await phases.CreateAsync(ct);
        results.Add(create);
        if (!create.Acceptable)
        {
            return TooManyErrors(create);
        }

        if (phases.ObservationCount == 0)
        {
            return "No Observation was created, so there is nothing to read.";
        }

        var read = await phases.ReadAsync(ct);
        results.Add(read);
        return read.Acceptable ? null : TooManyErrors(read);
    }

    private static int Finish(MachineFacts machine, string server, BenchmarkOptions options, List<PhaseResult> results, string? failure)
    {
        Console.WriteLine();
        Console.WriteLine("== summary ==");
        foreach (var result in results)
        {
            Console.WriteLine(result.SummaryLine());
        }

        if (options.Out is { } path)
        {
            var report = new BenchmarkReport(machine, server, options, results, Passed: failure is null);
            var fullPath = Path.GetFullPath(path);
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            File.WriteAllBytes(fullPath, JsonSerializer.SerializeToUtf8Bytes(report, ReportJsonContext.Default.BenchmarkReport));
            Console.WriteLine($"results written to {fullPath}");
        }

        if (failure is null)
        {
            return 0;
        }

        Console.Error.WriteLine($"FAILED: {failure}");
        return 1;
    }

    private static string TooManyErrors(PhaseResult result) => string.Create(CultureInfo.InvariantCulture,
        $"{result.Name}: {result.Errors} of {result.Requests} requests failed (more than {PhaseResult.MaxErrorRate * 100:0}%). First error: {result.FirstError ?? "none"}");

    private static int Interrupted()
    {
        Console.Error.WriteLine("Interrupted.");
        return 130;
    }
}
