using FhirOncology.Core.Search;

namespace FhirOncology.Core.Storage;

/// <summary>
/// A page of history (http.html#history): system level when <see cref="Type"/> is null, type level when
/// <see cref="Id"/> is null, otherwise instance level. <see cref="Cursor"/> is the opaque continuation token the
/// store handed out with the previous page.
/// <see cref="Scope"/> holds the access rules' clauses per type (as for search); a type missing from it is not returned.
/// </summary>
public sealed record HistoryQuery(
    string? Type, string? Id, DateTimeOffset? Since, string? Cursor, int Count,
    IReadOnlyDictionary<string, IReadOnlyList<SearchClause>> Scope);

/// <summary>Versions newest first, and the token for the next page when there is one.</summary>
public sealed record HistoryPage(IReadOnlyList<ResourceVersion> Versions, string? NextCursor);
