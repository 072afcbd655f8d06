namespace FhirOncology.Benchmarks.Auth;

/// <summary>Where the bearer token of each request comes from.</summary>
internal interface IAccessTokenSource : IDisposable
{
    /// <summary>For the run's header lines, e.g. "dev server client ehr-north (system/*.cruds)"; never the token.</summary>
    string Description { get; }

    /// <summary>A token valid for a while yet; throws <see cref="HttpRequestException"/> when none can be had.</summary>
    ValueTask<string> GetAsync(CancellationToken ct);
}
