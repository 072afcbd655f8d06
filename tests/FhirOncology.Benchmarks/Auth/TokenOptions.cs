using System.Text.Json.Serialization;

namespace FhirOncology.Benchmarks.Auth;

/// <summary>
/// How every mode authenticates (issue #5: every FHIR request needs <c>Authorization: Bearer</c>): a token given as is,
/// or tokens from the server's development authorization server as one of its demo clients, renewed before they
/// expire — a long load outlives a token.
/// </summary>
internal sealed record TokenOptions
{
    public static readonly string[] Names = ["--dev-client", "--dev-key", "--scope", "--token"];

    public string? DevClient { get; init; }

    public string? DevKey { get; init; }

    public string Scope { get; init; } = "system/*.cruds";

    /// <summary>A bearer token is a credential: never written to a report.</summary>
    [JsonIgnore]
    public string? Token { get; init; }

    /// <summary>Reads the options through <paramref name="value"/> (null when absent); the first problem, or null.</summary>
    public static TokenOptions Read(Func<string, string?> value, out string? error)
    {
        var options = new TokenOptions
        {
            DevClient = value("--dev-client"),
            DevKey = value("--dev-key"),
            Scope = value("--scope") ?? "system/*.cruds",
            Token = value("--token"),
        };
        error = options switch
        {
            { Token: not null, DevClient: not null } => "--token and --dev-client exclude each other.",
            { Token: "" } => "--token needs a value.",
            { DevClient: "" } => "--dev-client needs a client id.",
            { DevClient: null } when value("--dev-key") is not null || value("--scope") is not null => "--dev-key and --scope need --dev-client.",
            _ => null,
        };
        return options;
    }
}
