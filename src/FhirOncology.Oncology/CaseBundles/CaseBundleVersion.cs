using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FhirOncology.Core.Storage;

namespace FhirOncology.Oncology.CaseBundles;

/// <summary>
/// The version of a case bundle: a content hash of exactly the resource versions it holds, so the same case gives
/// the same value and any write into the case gives another. SHA-256 (lower-case hex, 64 characters) over one UTF-8
/// line per entry, sorted ordinally by <c>Type/id</c>: <c>Type/id/_history/n</c>, a space, the SHA-256 hex of that
/// version's stored JSON, and a line feed. Versions are immutable (http.html#vread), so the value pins every entry.
/// </summary>
public static class CaseBundleVersion
{
    public static string Compute(IEnumerable<ResourceVersion> versions)
    {
        var text = new StringBuilder();
        foreach (var version in versions.OrderBy(v => v.Key.ToString(), StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"{version.Key}/_history/{version.VersionId} ")
                .Append(Convert.ToHexStringLower(SHA256.HashData(version.Json.Span)))
                .Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
