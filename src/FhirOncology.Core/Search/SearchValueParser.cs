using System.Globalization;
using FhirOncology.Core.Errors;
using FhirOncology.Core.Indexing;
using Hl7.Fhir.Model;

namespace FhirOncology.Core.Search;

/// <summary>Parses one search value by parameter type (search.html#token, #string, #date, #number, #quantity, #reference, #uri, #composite).</summary>
internal static class SearchValueParser
{
    private static readonly Dictionary<string, SearchPrefix> Prefixes = new(StringComparer.Ordinal)
    {
        ["eq"] = SearchPrefix.Eq, ["ne"] = SearchPrefix.Ne, ["gt"] = SearchPrefix.Gt, ["lt"] = SearchPrefix.Lt, ["ge"] = SearchPrefix.Ge,
        ["le"] = SearchPrefix.Le, ["sa"] = SearchPrefix.Sa, ["eb"] = SearchPrefix.Eb, ["ap"] = SearchPrefix.Ap,
    };

    public static SearchValue Parse(string name, SearchParamType type, string value, SearchParamType? secondType = null) => type switch
    {
        SearchParamType.Token => new TokenSearchValue(Token(name, value)),
        SearchParamType.String => new StringSearchValue(StringNormalizer.Normalize(SearchEscaping.Unescape(value)), SearchEscaping.Unescape(value)),
        SearchParamType.Date => Date(name, value),
        SearchParamType.Number => Number(name, value),
        SearchParamType.Quantity => Quantity(name, value),
        SearchParamType.Reference => Reference(name, value),
        SearchParamType.Uri => new UriSearchValue(SearchEscaping.Unescape(value)),
        SearchParamType.Composite => Composite(name, value, secondType ?? SearchParamType.Token),
        _ => throw FhirException.BadRequest($"Parameter '{name}' has a type this server cannot search."),
    };

    public static TokenValue Token(string name, string value)
    {
        var bar = SearchEscaping.IndexOfUnescaped(value, '|');
        if (bar < 0)
        {
            return new TokenValue(null, SearchEscaping.Unescape(value));
        }

        var system = SearchEscaping.Unescape(value[..bar]);
        var code = bar == value.Length - 1 ? null : SearchEscaping.Unescape(value[(bar + 1)..]);
        return system.Length == 0 && code is null ? throw FhirException.BadRequest($"'{name}={value}' names neither a system nor a code.") : new TokenValue(system, code);
    }

    private static (SearchPrefix Prefix, string Remainder) Prefix(string value) =>
        value.Length > 2 && Prefixes.TryGetValue(value[..2], out var prefix) ? (prefix, value[2..]) : (SearchPrefix.Eq, value);

    private static DateSearchValue Date(string name, string value)
    {
        var (prefix, rest) = Prefix(value);
        return FhirDateRange.TryParse(rest, out var start, out var end)
            ? new DateSearchValue(prefix, start, end)
            : throw FhirException.BadRequest($"'{name}={value}' is not a FHIR date, dateTime or instant (e.g. ge2024-01-31).");
    }

    private static NumberSearchValue Number(string name, string value)
    {
        var (prefix, rest) = Prefix(value);
        if (!decimal.TryParse(rest, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number))
        {
            throw FhirException.BadRequest($"'{name}={value}' is not a number.");
        }

        var (low, high) = DecimalRange.Of(number);
        return new NumberSearchValue(prefix, number, low, high);
    }

    private static NumberSearchValue Quantity(string name, string value)
    {
        var parts = SearchEscaping.SplitUnescaped(value, '|').ToList();
        if (parts.Count is not (1 or 3))
        {
            throw FhirException.BadRequest($"'{name}={value}' is not a quantity; use [prefix]number|system|code.");
        }

        var number = Number(name, parts[0]);
        return parts.Count == 1 ? number : number with
        {
            System = parts[1].Length == 0 ? null : SearchEscaping.Unescape(parts[1]),
            Code = parts[2].Length == 0 ? null : SearchEscaping.Unescape(parts[2]),
        };
    }

    private static ReferenceSearchValue Reference(string name, string value)
    {
        var reference = SearchEscaping.Unescape(value);
        if (ReferenceValue.TryParse(reference, out var parsed))
        {
            return new ReferenceSearchValue(parsed.BaseUri, parsed.Type, parsed.Id);
        }

        return reference.Contains('/', StringComparison.Ordinal) || reference.Length == 0
            ? throw FhirException.BadRequest($"'{name}={value}' is not a reference: use id, Type/id or an absolute URL.")
            : new ReferenceSearchValue(null, null, reference);
    }

    private static CompositeSearchValue Composite(string name, string value, SearchParamType secondType)
    {
        var parts = SearchEscaping.SplitUnescaped(value, '$').ToList();
        return parts.Count != 2
            ? throw FhirException.BadRequest($"'{name}={value}' is not a composite value; use first$second.")
            : new CompositeSearchValue(Token(name, parts[0]), Parse(name, secondType, parts[1]));
    }
}
