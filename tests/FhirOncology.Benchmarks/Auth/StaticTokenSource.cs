namespace FhirOncology.Benchmarks.Auth;

/// <summary>The token given with --token, used as long as it lasts.</summary>
internal sealed class StaticTokenSource(string token) : IAccessTokenSource
{
    public string Description => "the access token given with --token";

    public ValueTask<string> GetAsync(CancellationToken ct) => ValueTask.FromResult(token);

    public void Dispose()
    {
    }
}
