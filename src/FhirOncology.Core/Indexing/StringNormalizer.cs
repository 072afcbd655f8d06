using System.Globalization;
using System.Text;

namespace FhirOncology.Core.Indexing;

/// <summary>String search is case- and accent-insensitive (search.html#string): lower case, diacritics removed.</summary>
public static class StringNormalizer
{
    public const int MaxLength = 256;

    public static string Normalize(string value)
    {
        var decomposed = value.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return Truncate(builder.ToString().Normalize(NormalizationForm.FormC));
    }

    public static string Truncate(string value) => value.Length <= MaxLength ? value : value[..MaxLength];
}
