using System.Net;
using System.Net.Http.Headers;
using FhirOncology.Benchmarks.Auth;

namespace FhirOncology.Benchmarks.Http;

/// <summary>The one HttpClient every request goes through.</summary>
internal static class FhirHttpClient
{
    public const string FhirJson = "application/fhir+json";

    /// <summary>With <paramref name="tokens"/>, every request carries its bearer token.</summary>
    public static HttpClient Create(string baseUrl, int maxConnections, IAccessTokenSource? tokens)
    {
        var handler = new SocketsHttpHandler
        {
            // One connection per client: with fewer, clients would queue for a connection and the queueing would be
            // measured as server latency.
            MaxConnectionsPerServer = maxConnections,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            // Measure the server, not a proxy picked up from the environment.
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        };

        var client = new HttpClient(tokens is null ? handler : new BearerTokenHandler(tokens, handler), disposeHandler: true)
        {
            BaseAddress = new Uri(baseUrl + "/", UriKind.Absolute),
            // HTTP/1.1 as most FHIR clients speak it; one request at a time per connection.
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Timeout = TimeSpan.FromSeconds(30),
        };
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue(FhirJson));
        return client;
    }
}
