using Hl7.Fhir.Model;

namespace FhirOncology.Core.Search;

/// <summary>An include or revinclude request (search.html#include): <c>Source:param[:Target]</c>, or <c>*</c>.</summary>
public sealed record IncludeRequest(string SourceType, string? ReferenceCode, string? TargetType, bool Iterate);

/// <summary>One <c>_sort</c> key (search.html#sort): a parameter, and whether it sorts descending.</summary>
public sealed record SortParameter(string Code, SearchParamType Type, bool Descending);

/// <summary>How many to count (search.html#total).</summary>
public enum TotalMode
{
    None,
    Accurate,
}

/// <summary>
/// A parsed search over one or more resource types. <see cref="Clauses"/> come from the request;
/// <see cref="ScopeClauses"/> are added by the access scope (per type) and narrow matches and includes alike.
/// Results are in <see cref="Sort"/> order, then surrogate-key (time) order; with no sort keys, surrogate order.
/// </summary>
public sealed record SearchQuery(
    IReadOnlyList<string> Types,
    IReadOnlyList<SearchClause> Clauses,
    int Count,
    string? Cursor,
    IReadOnlyList<SortParameter> Sort,
    TotalMode Total,
    bool CountOnly,
    IReadOnlyList<IncludeRequest> Includes,
    IReadOnlyList<IncludeRequest> RevIncludes)
{
    public IReadOnlyDictionary<string, IReadOnlyList<SearchClause>> ScopeClauses { get; init; } =
        new Dictionary<string, IReadOnlyList<SearchClause>>();
}
