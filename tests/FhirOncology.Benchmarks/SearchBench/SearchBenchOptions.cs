using FhirOncology.Benchmarks.Auth;
using FhirOncology.Benchmarks.Modes;

namespace FhirOncology.Benchmarks.SearchBench;

/// <summary>What the <c>search-bench</c> mode runs and how; the defaults are the issue #4 benchmark (README.md).</summary>
internal sealed record SearchBenchOptions
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tests/FhirOncology.Benchmarks -- search-bench [options]

        Runs the common referral searches against a database loaded by 'generate', each with parameters drawn at
        random from the loaded data, and reports p50/p95 latency, throughput and result counts per query.

          --base-url URL       FHIR base of a running server (default http://127.0.0.1:8080/fhir)
          --iterations N       measured requests per query (default 200)
          --clients N          concurrent clients per query (default 1: latency without queueing)
          --warmup N           unmeasured requests per query first (default 5)
          --max-seconds N      stop a query's measured requests after N seconds (default 120)
          --seed N             seeds the parameter draws (default 7)
          --manifest PATH      draw parameters from the manifest 'generate --manifest' wrote; without it they are
                               discovered by searching the server
          --discover N         with no manifest: referrals (with their patients) to collect by paging (default 2000)
          --out PATH           also write the results as JSON to PATH
          --dev-client ID      get access tokens from the server's development authorization server as its demo
                               client ID (ehr-north, ehr-south, review-center), renewed before they expire
          --dev-key PATH       that client's private key (default: the demo key in
                               src/FhirOncology.Api/Security/DevServer/DemoClients/)
          --scope SCOPES       scopes to ask for with --dev-client (default system/*.cruds)
          --token TOKEN        send this access token with every request instead
          --help               show this text

        Exit codes: 0 passed, 1 server unreachable, no data, any request failed, or a query returned no results where
        the loaded data must match, 2 bad arguments, 130 interrupted.
        """;

    public string BaseUrl { get; init; } = "http://127.0.0.1:8080/fhir";

    public int Iterations { get; init; } = 200;

    public int Clients { get; init; } = 1;

    public int Warmup { get; init; } = 5;

    public int MaxSeconds { get; init; } = 120;

    public int Seed { get; init; } = 7;

    public string? Manifest { get; init; }

    public int Discover { get; init; } = 2000;

    public string? Out { get; init; }

    public TokenOptions Auth { get; init; } = new();

    /// <summary>False either for a problem (<paramref name="error"/> says which) or for <c>--help</c>.</summary>
    public static bool TryParse(string[] args, out SearchBenchOptions options, out string? error)
    {
        options = new SearchBenchOptions();
        string[] names = ["--base-url", "--iterations", "--clients", "--warmup", "--max-seconds", "--seed", "--manifest", "--discover", "--out", .. TokenOptions.Names];
        if (!ModeArguments.TryParse(args, names, out var values, out error))
        {
            return false;
        }

        options = new SearchBenchOptions
        {
            BaseUrl = values.BaseUrl("--base-url", options.BaseUrl),
            Iterations = values.Int("--iterations", options.Iterations, 1),
            Clients = values.Int("--clients", options.Clients, 1),
            Warmup = values.Int("--warmup", options.Warmup, 0),
            MaxSeconds = values.Int("--max-seconds", options.MaxSeconds, 1),
            Seed = values.Int("--seed", options.Seed, 0),
            Manifest = values.Path("--manifest"),
            Discover = values.Int("--discover", options.Discover, 1),
            Out = values.Path("--out"),
            Auth = TokenOptions.Read(values.Text, out var authError),
        };
        error = values.Error ?? authError;
        return error is null;
    }
}
