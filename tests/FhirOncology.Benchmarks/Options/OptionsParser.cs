using System.Globalization;
using FhirOncology.Benchmarks.Auth;

namespace FhirOncology.Benchmarks.Options;

/// <summary>Hand-rolled argument parsing: the tool takes no packages, so it adds nothing to the central package list.</summary>
internal static class OptionsParser
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tests/FhirOncology.Benchmarks -- [options]
               dotnet run -c Release --project tests/FhirOncology.Benchmarks -- generate [options]      (generate --help)
               dotnet run -c Release --project tests/FhirOncology.Benchmarks -- search-bench [options]  (search-bench --help)

        Without a mode: preload, then create and read throughput and latency.

          --base-url URL         FHIR base of a running server (default http://127.0.0.1:8080/fhir)
          --preload N            resources created first, 1 Patient per 20 Observations; 0 skips (default 100000)
          --preload-clients N    concurrent clients for the preload (default 8)
          --create-clients N     concurrent clients for the create benchmark (default 8)
          --create-seconds N     duration of the create benchmark (default 30)
          --create-count N       stop the create benchmark after N requests instead (default: use seconds)
          --read-clients N       concurrent clients for the read benchmark (default 32)
          --read-seconds N       duration of the read benchmark (default 30)
          --read-count N         stop the read benchmark after N requests instead (default: use seconds)
          --out PATH             also write the results as JSON to PATH
          --dev-client ID        get access tokens from the server's development authorization server as its demo
                                 client ID (ehr-north, ehr-south, review-center), renewed before they expire
          --dev-key PATH         that client's private key (default: the demo key in
                                 src/FhirOncology.Api/Security/DevServer/DemoClients/)
          --scope SCOPES         scopes to ask for with --dev-client (default system/*.cruds)
          --token TOKEN          send this access token with every request instead
          --help                 show this text

        Options take their value as the next argument or after '=' (--preload=0).
        Exit codes: 0 passed, 1 server unreachable or more than 1% of a phase's requests failed, 2 bad arguments.
        """;

    private static readonly Dictionary<string, (int Min, Func<BenchmarkOptions, int, BenchmarkOptions> Apply)> Integers =
        new(StringComparer.Ordinal)
        {
            ["--preload"] = (0, (options, value) => options with { Preload = value }),
            ["--preload-clients"] = (1, (options, value) => options with { PreloadClients = value }),
            ["--create-clients"] = (1, (options, value) => options with { CreateClients = value }),
            ["--create-seconds"] = (1, (options, value) => options with { CreateSeconds = value }),
            ["--create-count"] = (0, (options, value) => options with { CreateCount = value }),
            ["--read-clients"] = (1, (options, value) => options with { ReadClients = value }),
            ["--read-seconds"] = (1, (options, value) => options with { ReadSeconds = value }),
            ["--read-count"] = (0, (options, value) => options with { ReadCount = value }),
        };

    /// <summary>
    /// False either for a problem (<paramref name="error"/> says which) or for <c>--help</c> (<paramref name="error"/> is null).
    /// </summary>
    public static bool TryParse(string[] args, out BenchmarkOptions options, out string? error)
    {
        options = new BenchmarkOptions();
        error = null;
        var auth = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                return false;
            }

            string? value = null;
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (name.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }

            if (name != "--base-url" && name != "--out" && !Integers.ContainsKey(name) && !TokenOptions.Names.Contains(name))
            {
                error = $"Unknown argument '{args[i]}'.";
                return false;
            }

            if (value is null)
            {
                if (i + 1 >= args.Length)
                {
                    error = $"{name} needs a value.";
                    return false;
                }

                value = args[++i];
            }

            if (TokenOptions.Names.Contains(name))
            {
                auth[name] = value;
                continue;
            }

            options = Apply(options, name, value, out error);
            if (error is not null)
            {
                return false;
            }
        }

        options = options with { Auth = TokenOptions.Read(name => auth.GetValueOrDefault(name), out error) };
        return error is null;
    }

    private static BenchmarkOptions Apply(BenchmarkOptions options, string name, string value, out string? error)
    {
        error = null;
        switch (name)
        {
            case "--base-url":
                var baseUrl = value.TrimEnd('/');
                if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                {
                    error = $"--base-url must be an absolute http(s) URL, not '{value}'.";
                    return options;
                }

                return options with { BaseUrl = baseUrl };
            case "--out":
                if (value.Length == 0)
                {
                    error = "--out needs a file path.";
                    return options;
                }

                return options with { Out = value };
            default:
                var (min, apply) = Integers[name];
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < min)
                {
                    error = string.Create(CultureInfo.InvariantCulture, $"{name} must be a whole number of at least {min}, not '{value}'.");
                    return options;
                }

                return apply(options, number);
        }
    }
}
