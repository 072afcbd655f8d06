using Hl7.Fhir.Model;

namespace FhirOncology.Core.Indexing;

/// <summary>
/// A literal reference taken apart (references.html#literal): <c>Type/id</c>, <c>Type/id/_history/v</c>, or an
/// absolute URL ending in those. Contained (<c>#x</c>) and <c>urn:</c> references are not literal references to a
/// stored resource.
/// </summary>
public sealed record ReferenceValue(string? BaseUri, string Type, string Id, int? Version)
{
    public static bool TryParse(string? reference, out ReferenceValue value)
    {
        value = null!;
        if (string.IsNullOrEmpty(reference) || reference.StartsWith('#') || reference.StartsWith("urn:", StringComparison.Ordinal))
        {
            return false;
        }

        var parts = reference.Split('/');
        var n = parts.Length;
        int? version = null;
        if (n >= 4 && parts[n - 2] == "_history" && int.TryParse(parts[n - 1], System.Globalization.CultureInfo.InvariantCulture, out var v))
        {
            version = v;
            n -= 2;
        }

        if (n < 2 || !ModelInfo.IsKnownResource(parts[n - 2]) || parts[n - 1].Length == 0)
        {
            return false;
        }

        var baseUri = n > 2 ? string.Join('/', parts[..(n - 2)]) : null;
        if (baseUri is not null && !Uri.IsWellFormedUriString(baseUri, UriKind.Absolute))
        {
            return false;
        }

        value = new ReferenceValue(baseUri, parts[n - 2], parts[n - 1], version);
        return true;
    }
}
