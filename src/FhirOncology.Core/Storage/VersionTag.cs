using System.Globalization;

namespace FhirOncology.Core.Storage;

/// <summary>The weak ETag of a version, <c>W/"3"</c> (http.html#versioning), written and read in one place.</summary>
public static class VersionTag
{
    public static string Format(int versionId) => $"W/\"{versionId.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>The version a tag names (<c>W/"3"</c>, <c>"3"</c> or <c>3</c>), or null when it names none.</summary>
    public static int? Parse(string tag)
    {
        var value = tag.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        return int.TryParse(value.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;
    }
}
