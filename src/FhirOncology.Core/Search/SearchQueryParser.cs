using System.Globalization;
using System.Net;
using FhirOncology.Core.Errors;
using FhirOncology.Core.Indexing;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;

namespace FhirOncology.Core.Search;

/// <summary>The outcome of parsing: the query, and the parameters ignored under lenient handling (search.html#errors).</summary>
public sealed record ParsedSearch(SearchQuery Query, IReadOnlyList<FhirIssue> Ignored);

/// <summary>
/// Parses search parameters into a <see cref="SearchQuery"/> (search.html). With <c>Prefer: handling=strict</c>
/// an unknown or malformed parameter is a 400; otherwise it is ignored and reported. Conditional-operation
/// criteria are always parsed strictly: an ignored criterion would widen the match.
/// </summary>
public sealed partial class SearchQueryParser(SearchParameterCatalog catalog, IOptions<FhirOptions> options)
{
    public const string CursorParameter = "_cursor";

    public const int MaxSortKeys = 3;

    private static readonly HashSet<string> FormatParameters = new(StringComparer.Ordinal) { "_format", "_pretty", "_elements" };

    public ParsedSearch Parse(IReadOnlyList<string> types, IEnumerable<KeyValuePair<string, string>> parameters, bool strict)
    {
        var issues = new List<FhirIssue>();
        var clauses = new List<SearchClause>();
        var includes = new List<IncludeRequest>();
        var revIncludes = new List<IncludeRequest>();
        var (count, cursor, sort, total, countOnly) = (options.Value.DefaultPageSize, (string?)null, (IReadOnlyList<SortParameter>)[], TotalMode.None, false);
        foreach (var (name, value) in parameters)
        {
            try
            {
                switch (name)
                {
                    case "_count": count = Math.Min(NonNegative(name, value), options.Value.MaxPageSize); break;
                    case CursorParameter: cursor = value; break;
                    case "_sort": sort = Sort(types, value); break;
                    case "_total": total = value is "none" ? TotalMode.None : value is "accurate" or "estimate" ? TotalMode.Accurate : throw FhirException.BadRequest($"_total '{value}' is not none, estimate or accurate."); break;
                    case "_summary": countOnly = value == "count"; break;
                    case "_include" or "_include:iterate": includes.Add(Include(name, value)); break;
                    case "_revinclude" or "_revinclude:iterate": revIncludes.Add(Include(name, value)); break;
                    case "_type": break; // consumed by the caller (system-level search)
                    default:
                        if (!FormatParameters.Contains(name))
                        {
                            clauses.Add(Clause(types, name, value));
                        }

                        break;
                }
            }
            catch (FhirException ex) when (!strict && ex.Status == HttpStatusCode.BadRequest)
            {
                issues.Add(new FhirIssue(OperationOutcome.IssueSeverity.Warning, OperationOutcome.IssueType.NotSupported,
                    $"Ignored search parameter '{name}': {ex.Message}"));
            }
        }

        var query = new SearchQuery(types, clauses, count, cursor, sort, countOnly ? TotalMode.Accurate : total, countOnly, includes, revIncludes);
        return new ParsedSearch(query, issues);
    }

    /// <summary>Criteria of a conditional create, update or delete (http.html#ccreate): search clauses only, parsed strictly.</summary>
    public IReadOnlyList<SearchClause> ParseCriteria(string type, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var clauses = new List<SearchClause>();
        foreach (var (name, value) in parameters)
        {
            if (name is "_format" or "_pretty")
            {
                continue;
            }

            if (name.StartsWith('_') && name is not ParameterClause.IdCode and not ParameterClause.LastUpdatedCode && !name.StartsWith("_has:", StringComparison.Ordinal)
                && catalog.Find(type, name.Split(':')[0]) is null)
            {
                throw FhirException.BadRequest($"'{name}' controls results and cannot be used as conditional criteria.");
            }

            clauses.Add(Clause([type], name, value));
        }

        return clauses.Count == 0
            ? throw FhirException.BadRequest("Conditional operation without criteria: at least one search parameter is required.")
            : clauses;
    }

    private static int NonNegative(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw FhirException.BadRequest($"{name} must be a non-negative whole number; got '{value}'.");

    /// <summary>search.html#sort: comma-separated parameters, "-" for descending; at most three, each searchable on every type.</summary>
    private IReadOnlyList<SortParameter> Sort(IReadOnlyList<string> types, string value)
    {
        var keys = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(item =>
        {
            var descending = item.StartsWith('-');
            var code = descending ? item[1..] : item;
            var type = code switch
            {
                ParameterClause.IdCode => SearchParamType.Token,
                ParameterClause.LastUpdatedCode => SearchParamType.Date,
                _ => catalog.Find(types[0], code) is { Type: not SearchParamType.Composite } parameter && types.All(t => catalog.Find(t, code)?.Type == parameter.Type)
                    ? parameter.Type
                    : throw FhirException.BadRequest($"_sort '{code}' is not a sortable search parameter of {string.Join(" and ", types.Take(3))}."),
            };
            return new SortParameter(code, type, descending);
        }).ToList();
        return keys.Count is 0 or > MaxSortKeys ? throw FhirException.BadRequest($"_sort takes one to {MaxSortKeys} parameters.") : keys;
    }

    private IncludeRequest Include(string name, string value)
    {
        var iterate = name.EndsWith(":iterate", StringComparison.Ordinal);
        if (value == "*" && name.StartsWith("_revinclude", StringComparison.Ordinal))
        {
            throw FhirException.BadRequest("_revinclude=* is not supported; name the source type and reference parameter.");
        }

        if (value == "*")
        {
            return new IncludeRequest("*", null, null, iterate);
        }

        var parts = value.Split(':');
        if (parts.Length is < 2 or > 3 || catalog.Find(parts[0], parts[1]) is not { Type: SearchParamType.Reference })
        {
            throw FhirException.BadRequest($"{name}={value} must be Source:referenceParameter[:Target] with a reference parameter of a served type.");
        }

        return new IncludeRequest(parts[0], parts[1], parts.Length == 3 ? parts[2] : null, iterate);
    }
}
