using FhirOncology.Core.Errors;
using FhirOncology.Core.Indexing;

namespace FhirOncology.Core.Conditional;

/// <summary>
/// Parses the criteria of conditional create, update and delete (http.html#ccreate, #cond-update, #cdelete).
/// Criteria are a search query string; until full search lands (TODO #4) the server understands <c>_id</c> and the
/// token parameters it indexes. Anything else is refused with 400 rather than ignored: an ignored criterion would
/// widen the match and could update or delete the wrong resource.
/// </summary>
public sealed class CriteriaParser(SearchParameterCatalog catalog)
{
    /// <summary>Parameters that control results, not matching; they may appear in criteria and are skipped.</summary>
    private static readonly HashSet<string> ResultParameters = new(StringComparer.Ordinal) { "_format", "_pretty" };

    public IReadOnlyList<SearchCriterion> Parse(string type, IEnumerable<KeyValuePair<string, string>> query)
    {
        var criteria = new List<SearchCriterion>();
        foreach (var (name, rawValue) in query)
        {
            if (ResultParameters.Contains(name))
            {
                continue;
            }

            if (name.Contains(':', StringComparison.Ordinal) || name.Contains('.', StringComparison.Ordinal))
            {
                throw FhirException.BadRequest($"Conditional criteria do not support modifiers or chains yet ('{name}').");
            }

            if (name != "_id" && catalog.Find(type, name)?.Type != Hl7.Fhir.Model.SearchParamType.Token)
            {
                throw FhirException.BadRequest(
                    $"Conditional criteria on {type} support _id and token parameters only; '{name}' is not one of them.");
            }

            criteria.Add(new SearchCriterion(name, ParseValues(name, rawValue)));
        }

        if (criteria.Count == 0)
        {
            throw FhirException.BadRequest("Conditional operation without criteria: at least one search parameter is required.");
        }

        return criteria;
    }

    public IReadOnlyList<SearchCriterion> Parse(string type, string queryString) =>
        Parse(type, SplitQuery(queryString));

    /// <summary>Splits <c>a=1&amp;b=2</c> (with or without a leading <c>?</c> or a <c>Type?</c> prefix) into pairs.</summary>
    public static IEnumerable<KeyValuePair<string, string>> SplitQuery(string queryString)
    {
        var query = queryString;
        var questionMark = query.IndexOf('?', StringComparison.Ordinal);
        if (questionMark >= 0)
        {
            query = query[(questionMark + 1)..];
        }

        foreach (var part in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw FhirException.BadRequest($"Malformed criteria parameter '{part}'.");
            }

            yield return new(Uri.UnescapeDataString(part[..equals]), Uri.UnescapeDataString(part[(equals + 1)..].Replace('+', ' ')));
        }
    }

    private static List<TokenValue> ParseValues(string name, string rawValue)
    {
        var values = new List<TokenValue>();
        foreach (var value in SplitOnUnescapedCommas(rawValue))
        {
            if (value.Length == 0)
            {
                throw FhirException.BadRequest($"Empty value for criteria parameter '{name}'.");
            }

            var bar = IndexOfUnescaped(value, '|');
            values.Add(bar < 0
                ? new TokenValue(null, Unescape(value))
                : new TokenValue(Unescape(value[..bar]), bar == value.Length - 1 ? null : Unescape(value[(bar + 1)..])));
            if (name == "_id" && bar >= 0)
            {
                throw FhirException.BadRequest("_id takes a plain id, not system|code.");
            }
        }

        return values;
    }

    // search.html#escaping: "\," "\|" "\$" and "\\" are literal characters inside a value.
    private static IEnumerable<string> SplitOnUnescapedCommas(string value)
    {
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\')
            {
                i++;
            }
            else if (value[i] == ',')
            {
                yield return value[start..i];
                start = i + 1;
            }
        }

        yield return value[start..];
    }

    private static int IndexOfUnescaped(string value, char target)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\')
            {
                i++;
            }
            else if (value[i] == target)
            {
                return i;
            }
        }

        return -1;
    }

    private static string Unescape(string value) =>
        value.Replace("\\,", ",", StringComparison.Ordinal).Replace("\\|", "|", StringComparison.Ordinal)
            .Replace("\\$", "$", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
}
