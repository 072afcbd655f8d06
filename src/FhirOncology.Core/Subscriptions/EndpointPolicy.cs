using FhirOncology.Core.Errors;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FhirOncology.Core.Subscriptions;

/// <summary>
/// Where notifications may go. Subscription.channel.endpoint (R4): "For rest-hook … the end-point must be an
/// http: or https: URL". This server also wants it absolute, https unless plain http is allowed
/// (<see cref="SubscriptionOptions.AllowHttpEndpoints"/>, by default only in Development), without user
/// information (credentials belong in channel.header), and under an allowed prefix when any are configured —
/// checked on every write of the Subscription and again before every delivery.
/// </summary>
public sealed class EndpointPolicy(IOptions<SubscriptionOptions> options, IHostEnvironment environment)
{
    private const string Expression = "Subscription.channel.endpoint";

    private readonly Uri[] _prefixes = [.. options.Value.AllowedEndpointPrefixes.Select(prefix => new Uri(prefix, UriKind.Absolute))];

    private bool AllowHttp => options.Value.AllowHttpEndpoints ?? environment.IsDevelopment();

    /// <summary>The endpoint as a URI, or a 400 saying why it is not acceptable.</summary>
    public Uri Require(string? endpoint) =>
        Check(endpoint, out var uri) is { } problem ? throw FhirException.BadRequest(problem, Expression) : uri!;

    /// <summary>Null when the endpoint is acceptable, otherwise why not.</summary>
    public string? Check(string? endpoint, out Uri? uri)
    {
        uri = null;
        if (string.IsNullOrWhiteSpace(endpoint) || !Uri.TryCreate(endpoint, UriKind.Absolute, out var parsed)
            || parsed.Scheme is not ("https" or "http"))
        {
            return "A rest-hook Subscription needs channel.endpoint, an absolute http(s) URL.";
        }

        if (parsed.Scheme == "http" && !AllowHttp)
        {
            return "channel.endpoint must use https; plain http is allowed only in Development or with Subscriptions:AllowHttpEndpoints.";
        }

        if (parsed.UserInfo.Length > 0)
        {
            return "channel.endpoint must not carry user information; send credentials in channel.header.";
        }

        if (_prefixes.Length > 0 && !_prefixes.Any(prefix => IsUnder(parsed, prefix)))
        {
            return "channel.endpoint is not under one of the endpoints this server may notify (Subscriptions:AllowedEndpointPrefixes).";
        }

        uri = parsed;
        return null;
    }

    /// <summary>What logs and Subscription.error may name of an endpoint: its host (and port), never its path or query.</summary>
    public static string HostOf(Uri endpoint) => endpoint.IsDefaultPort ? endpoint.Host : $"{endpoint.Host}:{endpoint.Port}";

    public static bool IsValidPrefix(string prefix) =>
        Uri.TryCreate(prefix, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.UserInfo.Length == 0;

    // Compared as URLs, not as strings, so https://ehr.example.org does not admit https://ehr.example.org.evil.test.
    private static bool IsUnder(Uri endpoint, Uri prefix)
    {
        if (endpoint.Scheme != prefix.Scheme || endpoint.Port != prefix.Port
            || !string.Equals(endpoint.IdnHost, prefix.IdnHost, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var path = prefix.AbsolutePath;
        return endpoint.AbsolutePath.StartsWith(path, StringComparison.Ordinal)
            && (path.EndsWith('/') || endpoint.AbsolutePath.Length == path.Length || endpoint.AbsolutePath[path.Length] == '/');
    }
}
