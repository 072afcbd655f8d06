using System.Globalization;
using System.Text;
using FhirOncology.Core.Errors;
using FhirOncology.Core.Search;

namespace FhirOncology.Storage.Search;

/// <summary>The keyset position after a sorted page: the last row's key values and surrogate id, as an opaque token.</summary>
internal sealed record SortCursor(IReadOnlyList<object?> Values, long SurrogateId)
{
    public static string Encode(IReadOnlyList<object?> values, long surrogateId)
    {
        var parts = values.Select(v => v switch
        {
            null => "n",
            string text => "s" + Convert.ToBase64String(Encoding.UTF8.GetBytes(text)),
            IFormattable number => "d" + number.ToString(null, CultureInfo.InvariantCulture),
            _ => "s" + Convert.ToBase64String(Encoding.UTF8.GetBytes(v.ToString() ?? "")),
        }).Append(surrogateId.ToString(CultureInfo.InvariantCulture));
        return string.Join('.', parts).Replace('+', '-').Replace('/', '_');
    }

    public static SortCursor Decode(string cursor, IReadOnlyList<SortParameter> keys)
    {
        try
        {
            var parts = cursor.Replace('-', '+').Replace('_', '/').Split('.');
            if (parts.Length != keys.Count + 1)
            {
                throw new FormatException();
            }

            var values = parts[..^1].Select(part => part[0] switch
            {
                'n' => (object?)null,
                's' => Encoding.UTF8.GetString(Convert.FromBase64String(part[1..])),
                // Integers stay integers (dates, _lastUpdated); other numbers travel as double, which SQLite compares
                // with REAL values where a text-bound decimal would not compare at all.
                'd' when long.TryParse(part[1..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) => whole,
                'd' => double.Parse(part[1..], NumberStyles.Float, CultureInfo.InvariantCulture),
                _ => throw new FormatException(),
            }).ToList();
            return new SortCursor(values, long.Parse(parts[^1], CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is FormatException or IndexOutOfRangeException or OverflowException)
        {
            throw FhirException.BadRequest("The paging cursor is not one this server issued for this _sort.");
        }
    }
}
