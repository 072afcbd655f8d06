using FhirOncology.Core.Interactions;
using FhirOncology.Core.Storage;

namespace FhirOncology.Core.Security;

/// <summary>The <c>Type/id</c> a literal reference names, ignoring any base URL and version (references.html#literal).</summary>
public static class LocalReference
{
    public static ResourceKey? TryParse(string? reference)
    {
        if (string.IsNullOrEmpty(reference) || reference.StartsWith('#') || reference.StartsWith("urn:", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = reference.Split('/');
        var history = Array.IndexOf(parts, "_history");
        var end = history >= 2 ? history : parts.Length;
        if (end < 2)
        {
            return null;
        }

        var type = parts[end - 2];
        var id = parts[end - 1];
        return type.Length > 0 && char.IsAsciiLetterUpper(type[0]) && ResourceService.IsValidId(id) ? new ResourceKey(type, id) : null;
    }
}
