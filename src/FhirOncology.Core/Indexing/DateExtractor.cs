using Hl7.Fhir.Model;

namespace FhirOncology.Core.Indexing;

/// <summary>Date parameter values (search.html#date) as instant ranges; an open Period end is unbounded.</summary>
internal static class DateExtractor
{
    public static void Extract(string paramCode, Base value, SearchIndexEntries into)
    {
        switch (value)
        {
            case Period period:
                var hasStart = FhirDateRange.TryParse(period.Start, out var start, out _);
                var hasEnd = FhirDateRange.TryParse(period.End, out _, out var end);
                if (hasStart || hasEnd)
                {
                    into.Dates.Add(new DateIndexEntry(paramCode, hasStart ? start : long.MinValue, hasEnd ? end : long.MaxValue));
                }

                break;
            case Timing timing:
                foreach (var occurrence in timing.EventElement)
                {
                    Extract(paramCode, occurrence, into);
                }

                if (timing.Repeat?.Bounds is Period bounds)
                {
                    Extract(paramCode, bounds, into);
                }

                break;
            case PrimitiveType primitive when FhirDateRange.TryParse(primitive.ToString(), out var from, out var to):
                into.Dates.Add(new DateIndexEntry(paramCode, from, to));
                break;
        }
    }
}
