using System.Globalization;

namespace FhirOncology.Core.Indexing;

/// <summary>
/// The instant range a FHIR date, dateTime or instant denotes at its precision (search.html#date): "2020" is the
/// whole year, "2020-03-04T10:00" the whole minute. Values without a zone are taken as UTC. Unix milliseconds.
/// </summary>
public static class FhirDateRange
{
    public static bool TryParse(string? value, out long start, out long end)
    {
        start = end = 0;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var text = value.Trim();
        DateTimeOffset from;
        DateTimeOffset to;
        switch (text.Length)
        {
            case 4 when Exact(text, "yyyy", out from):
                to = from.AddYears(1);
                break;
            case 7 when Exact(text, "yyyy-MM", out from):
                to = from.AddMonths(1);
                break;
            case 10 when Exact(text, "yyyy-MM-dd", out from):
                to = from.AddDays(1);
                break;
            default:
                if (!text.Contains('T', StringComparison.Ordinal) || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                        DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out from))
                {
                    return false;
                }

                to = from.Add(Precision(text));
                break;
        }

        start = from.ToUnixTimeMilliseconds();
        end = to.ToUnixTimeMilliseconds() - 1;
        return true;
    }

    private static bool Exact(string text, string format, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(text, format, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);

    /// <summary>The width of the last stated component: minute, second, or the stated fraction of a second.</summary>
    private static TimeSpan Precision(string text)
    {
        var time = text[(text.IndexOf('T', StringComparison.Ordinal) + 1)..];
        var zone = time.IndexOfAny(['Z', '+', '-']);
        var clock = zone < 0 ? time : time[..zone];
        var dot = clock.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            var digits = Math.Min(clock.Length - dot - 1, 7);
            return TimeSpan.FromTicks((long)Math.Pow(10, 7 - digits));
        }

        return clock.Count(c => c == ':') >= 2 ? TimeSpan.FromSeconds(1) : TimeSpan.FromMinutes(1);
    }
}
