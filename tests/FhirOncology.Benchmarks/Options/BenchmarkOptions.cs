using System.Text.Json.Serialization;

namespace FhirOncology.Benchmarks.Options;

/// <summary>What to run and against which server; the defaults are the documented benchmark (README.md).</summary>
internal sealed record BenchmarkOptions
{
    /// <summary>The FHIR base, without a trailing slash.</summary>
    public string BaseUrl { get; init; } = "http://127.0.0.1:8080/fhir";

    /// <summary>Resources created before measuring, one Patient per 20 Observations; 0 skips the preload.</summary>
    public int Preload { get; init; } = 100_000;

    public int PreloadClients { get; init; } = 8;

    public int CreateClients { get; init; } = 8;

    public int CreateSeconds { get; init; } = 30;

    /// <summary>When positive, the create phase stops after this many requests instead of after <see cref="CreateSeconds"/>.</summary>
    public int CreateCount { get; init; }

    public int ReadClients { get; init; } = 32;

    public int ReadSeconds { get; init; } = 30;

    /// <summary>When positive, the read phase stops after this many requests instead of after <see cref="ReadSeconds"/>.</summary>
    public int ReadCount { get; init; }

    /// <summary>Where to write the JSON report, if anywhere.</summary>
    public string? Out { get; init; }

    /// <summary>How requests authenticate (--dev-client or --token).</summary>
    public Auth.TokenOptions Auth { get; init; } = new();

    /// <summary>Connections the pool must allow so no client ever waits for another's connection.</summary>
    [JsonIgnore]
    public int MaxClients => Math.Max(PreloadClients, Math.Max(CreateClients, ReadClients));
}
