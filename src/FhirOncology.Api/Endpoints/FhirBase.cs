using FhirOncology.Core;
using Microsoft.Extensions.Options;

namespace FhirOncology.Api.Endpoints;

/// <summary>The FHIR base URL: configured (<c>Fhir:BaseUrl</c>) or taken from the request, without a trailing slash.</summary>
internal static class FhirBase
{
    public const string Path = "/fhir";

    public static string Url(HttpContext context)
    {
        var configured = context.RequestServices.GetRequiredService<IOptions<FhirOptions>>().Value.BaseUrl;
        if (!string.IsNullOrEmpty(configured))
        {
            return configured.TrimEnd('/');
        }

        var request = context.Request;
        return $"{request.Scheme}://{request.Host}{request.PathBase}{Path}";
    }

    /// <summary>Every query parameter as a name/value pair, repeated names kept in order (search.html#combining).</summary>
    public static List<KeyValuePair<string, string>> QueryPairs(HttpContext context) =>
        [.. context.Request.Query.SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string>(pair.Key, value ?? "")))];

    /// <summary>A query parameter's value, or null when absent or empty.</summary>
    public static string? Query(HttpContext context, string name)
    {
        var value = context.Request.Query[name].ToString();
        return value.Length == 0 ? null : value;
    }
}
