using System.Text.RegularExpressions;

namespace FhirOncology.Validation.References;

/// <summary>
/// A RESTful resource URL (references.html#literal, the regex of bundle.html#references):
/// <c>[base]/[type]/[id]</c>, optionally <c>/_history/[vid]</c>; relative when the base is empty.
/// </summary>
internal sealed partial record RestfulUrl(string Base, string Type, string Id, string? Version)
{
    /// <summary><c>[base][type]/[id]</c>, without the version.</summary>
    public string VersionIndependent => $"{Base}{Type}/{Id}";

    public static RestfulUrl? Parse(string url)
    {
        var match = Pattern().Match(url);
        return match.Success
            ? new RestfulUrl(match.Groups["base"].Value, match.Groups["type"].Value, match.Groups["id"].Value,
                match.Groups["version"].Success ? match.Groups["version"].Value : null)
            : null;
    }

    // The base: http(s) with path segments ending in '/'; type names are capitalised resource names (id: datatypes.html#id).
    [GeneratedRegex(@"^(?<base>(https?://([A-Za-z0-9\-\\\.\:\%\$]*/)+)?)(?<type>[A-Z][A-Za-z]+)/(?<id>[A-Za-z0-9\-\.]{1,64})(/_history/(?<version>[A-Za-z0-9\-\.]{1,64}))?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
