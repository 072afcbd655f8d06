using FhirOncology.Benchmarks.Auth;
using FhirOncology.Benchmarks.Modes;

namespace FhirOncology.Benchmarks.Generation;

/// <summary>What the <c>generate</c> mode loads and how; the defaults are the issue #4 population (README.md).</summary>
internal sealed record GenerateOptions
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tests/FhirOncology.Benchmarks -- generate [options]

        Loads a synthetic oncology population, one transaction Bundle of ~100 conditional creates per patient, and
        measures ingest rate and transaction latency; probes a fixed 40-entry referral Bundle before and after.

          --base-url URL       FHIR base of a running server (default http://127.0.0.1:8080/fhir)
          --patients N         patients to load, ~100 resources each (default 10000)
          --clients N          concurrent clients sending Bundles (default 4)
          --seed N             seeds the population; the same seed gives the same data (default 42)
          --probes N           40-entry referral Bundles sent one at a time before and after the load, each after 3
                               unmeasured ones (default 20)
          --max-minutes N      stop sending patients after N minutes and report what was loaded; 0 = no limit (default 0)
          --manifest PATH      write the ids and identifiers search-bench draws its parameters from
          --out PATH           also write the results as JSON to PATH
          --dev-client ID      get access tokens from the server's development authorization server as its demo
                               client ID (ehr-north, ehr-south, review-center), renewed before they expire
          --dev-key PATH       that client's private key (default: the demo key in
                               src/FhirOncology.Api/Security/DevServer/DemoClients/)
          --scope SCOPES       scopes to ask for with --dev-client (default system/*.cruds)
          --token TOKEN        send this access token with every request instead
          --help               show this text

        Exit codes: 0 all loaded without errors, 1 server unreachable, a failed Bundle or stopped by --max-minutes,
        2 bad arguments, 130 interrupted (the results so far are still printed).
        """;

    public string BaseUrl { get; init; } = "http://127.0.0.1:8080/fhir";

    public int Patients { get; init; } = 10_000;

    public int Clients { get; init; } = 4;

    public int Seed { get; init; } = 42;

    public int Probes { get; init; } = 20;

    public int MaxMinutes { get; init; }

    public string? Manifest { get; init; }

    public string? Out { get; init; }

    public TokenOptions Auth { get; init; } = new();

    /// <summary>False either for a problem (<paramref name="error"/> says which) or for <c>--help</c>.</summary>
    public static bool TryParse(string[] args, out GenerateOptions options, out string? error)
    {
        options = new GenerateOptions();
        string[] names = ["--base-url", "--patients", "--clients", "--seed", "--probes", "--max-minutes", "--manifest", "--out", .. TokenOptions.Names];
        if (!ModeArguments.TryParse(args, names, out var values, out error))
        {
            return false;
        }

        options = new GenerateOptions
        {
            BaseUrl = values.BaseUrl("--base-url", options.BaseUrl),
            Patients = values.Int("--patients", options.Patients, 1),
            Clients = values.Int("--clients", options.Clients, 1),
            Seed = values.Int("--seed", options.Seed, 0),
            Probes = values.Int("--probes", options.Probes, 0),
            MaxMinutes = values.Int("--max-minutes", options.MaxMinutes, 0),
            Manifest = values.Path("--manifest"),
            Out = values.Path("--out"),
            Auth = TokenOptions.Read(values.Text, out var authError),
        };
        error = values.Error ?? authError;
        return error is null;
    }
}
