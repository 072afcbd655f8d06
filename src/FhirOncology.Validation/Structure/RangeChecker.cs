using System.Globalization;
using System.Text.Json;
using FhirOncology.Validation.Profiles;
using Hl7.Fhir.Model;

namespace FhirOncology.Validation.Structure;

/// <summary>
/// <c>minValue[x]</c> / <c>maxValue[x]</c> (elementdefinition.html#minValue): numbers by value; dates, dateTimes,
/// instants and times as points in time when both have the same precision (fhirpath.html#comparison: values of
/// different precision are not comparable); Quantities by value when both have the same system and code. What cannot
/// be compared gives an informational issue, never an error.
/// </summary>
internal static class RangeChecker
{
    public static void Check(ValidationSession session, ElementNode element, JsonElement value, string type, InstancePath path)
    {
        if (element.MinValue is { } min)
        {
            Judge(session, element, value, type, path, min, isMinimum: true);
        }

        if (element.MaxValue is { } max)
        {
            Judge(session, element, value, type, path, max, isMinimum: false);
        }
    }

    private static void Judge(ValidationSession session, ElementNode element, JsonElement value, string type, InstancePath path, JsonElement limit, bool isMinimum)
    {
        var comparison = Compare(value, limit, type, out var notComparable);
        var bound = isMinimum ? "minimum" : "maximum";
        if (comparison is null)
        {
            if (notComparable is not null)
            {
                session.Information(path, OperationOutcome.IssueType.NotSupported,
                    $"{Show(value)} was not compared with the {bound} {Show(limit)}: {notComparable}.", element);
            }

            return;
        }

        if (isMinimum ? comparison < 0 : comparison > 0)
        {
            session.Error(path, OperationOutcome.IssueType.Value,
                $"{Show(value)} is {(isMinimum ? "below" : "above")} the {bound} {Show(limit)} ({(isMinimum ? "minValue" : "maxValue")}, elementdefinition.html#minValue).", element);
        }
    }

    /// <summary>Negative, zero or positive; null when not comparable (with the reason, when worth telling).</summary>
    private static int? Compare(JsonElement value, JsonElement limit, string type, out string? notComparable)
    {
        notComparable = null;
        switch (value.ValueKind, limit.ValueKind)
        {
            case (JsonValueKind.Number, JsonValueKind.Number):
                return value.TryGetDecimal(out var number) && limit.TryGetDecimal(out var bound) ? number.CompareTo(bound) : null;
            case (JsonValueKind.String, JsonValueKind.String):
                return CompareTemporal(value.GetString()!, limit.GetString()!, type, out notComparable);
            case (JsonValueKind.Object, JsonValueKind.Object):
                return CompareQuantity(value, limit, out notComparable);
            default:
                return null;
        }
    }

    private static int? CompareTemporal(string value, string limit, string type, out string? notComparable)
    {
        notComparable = null;
        if (type == "time")
        {
            return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var a) && TimeSpan.TryParse(limit, CultureInfo.InvariantCulture, out var b)
                ? a.CompareTo(b) : null;
        }

        if (!TryPoint(value, out var valuePrecision, out var valuePoint) || !TryPoint(limit, out var limitPrecision, out var limitPoint))
        {
            return null;
        }

        if (valuePrecision != limitPrecision)
        {
            notComparable = "they have different precisions (fhirpath.html#comparison)";
            return null;
        }

        return valuePoint.CompareTo(limitPoint);
    }

    /// <summary>A date or dateTime as a point in time, with its precision: 1 year, 2 month, 3 day, 4 time of day.</summary>
    private static bool TryPoint(string text, out int precision, out DateTimeOffset point)
    {
        precision = text.Length switch { 4 => 1, 7 => 2, 10 => 3, _ => 4 };
        var padded = precision switch { 1 => text + "-01-01", 2 => text + "-01", _ => text };
        return precision < 4
            ? DateTimeOffset.TryParseExact(padded, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out point)
            : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out point);
    }

    /// <summary>Quantities compare by value only when their units are the same code in the same system (no conversion).</summary>
    private static int? CompareQuantity(JsonElement value, JsonElement limit, out string? notComparable)
    {
        notComparable = null;
        if (!value.TryGetProperty("value", out var number) || number.ValueKind != JsonValueKind.Number
            || !limit.TryGetProperty("value", out var bound) || bound.ValueKind != JsonValueKind.Number)
        {
            return null;
        }

        var (valueSystem, valueCode) = (Text(value, "system"), Text(value, "code"));
        var (limitSystem, limitCode) = (Text(limit, "system"), Text(limit, "code"));
        if (valueCode is null || valueCode != limitCode || valueSystem != limitSystem)
        {
            notComparable = $"their units are not the same system and code ({Unit(valueSystem, valueCode)} and {Unit(limitSystem, limitCode)}), and units are not converted here";
            return null;
        }

        return number.GetDecimal().CompareTo(bound.GetDecimal());
    }

    private static string Unit(string? system, string? code) => code is null ? "no code" : system is null ? code : $"{system}#{code}";

    private static string Show(JsonElement value) => value.ValueKind == JsonValueKind.Object
        ? $"{(value.TryGetProperty("value", out var v) ? v.GetRawText() : "?")} {Text(value, "code") ?? Text(value, "unit") ?? ""}".TrimEnd()
        : value.GetRawText();

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
