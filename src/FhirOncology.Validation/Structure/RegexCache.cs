using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace FhirOncology.Validation.Structure;

/// <summary>
/// Regexes of profiles (the regex extension), compiled once each, anchored so the whole value must match, with a
/// match timeout so a pathological pattern cannot stall a validation.
/// </summary>
internal static class RegexCache
{
    private static readonly ConcurrentDictionary<string, Regex?> Compiled = new(StringComparer.Ordinal);

    /// <summary>The compiled regex, or null when the pattern is not one .NET can compile.</summary>
    public static Regex? Get(string pattern) =>
        Compiled.GetOrAdd(pattern, static text =>
        {
            try
            {
                return new Regex($"^(?:{text})$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
            }
            catch (ArgumentException)
            {
                return null;
            }
        });
}
