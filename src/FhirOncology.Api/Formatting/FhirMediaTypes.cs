using FhirOncology.Core.Serialization;

namespace FhirOncology.Api.Formatting;

/// <summary>The media types and <c>_format</c> values this server understands (http.html#mime-type).</summary>
internal static class FhirMediaTypes
{
    public const string Json = "application/fhir+json";
    public const string Xml = "application/fhir+xml";
    public const string JsonUtf8 = Json + "; charset=utf-8";
    public const string XmlUtf8 = Xml + "; charset=utf-8";

    private static readonly Dictionary<string, FhirFormat> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        [Json] = FhirFormat.Json,
        ["application/json"] = FhirFormat.Json,
        ["application/json+fhir"] = FhirFormat.Json, // DSTU2 spelling, still sent by older clients
        ["text/json"] = FhirFormat.Json,
        ["json"] = FhirFormat.Json,
        [Xml] = FhirFormat.Xml,
        ["application/xml"] = FhirFormat.Xml,
        ["application/xml+fhir"] = FhirFormat.Xml,
        ["text/xml"] = FhirFormat.Xml,
        ["xml"] = FhirFormat.Xml,
    };

    /// <summary>The format a media type or <c>_format</c> value names, ignoring parameters such as charset.</summary>
    public static FhirFormat? Parse(string? mediaType)
    {
        if (string.IsNullOrWhiteSpace(mediaType))
        {
            return null;
        }

        var semicolon = mediaType.IndexOf(';', StringComparison.Ordinal);
        var bare = (semicolon < 0 ? mediaType : mediaType[..semicolon]).Trim();
        return Known.TryGetValue(bare, out var format) ? format : null;
    }

    /// <summary>Only the FHIR-specific types ask for a Binary as a resource rather than its content (binary.html#rest).</summary>
    public static bool IsExplicitFhir(string mediaType)
    {
        var bare = mediaType.Split(';')[0].Trim();
        return bare.Equals(Json, StringComparison.OrdinalIgnoreCase) || bare.Equals(Xml, StringComparison.OrdinalIgnoreCase)
            || bare.Equals("application/json+fhir", StringComparison.OrdinalIgnoreCase)
            || bare.Equals("application/xml+fhir", StringComparison.OrdinalIgnoreCase);
    }
}
