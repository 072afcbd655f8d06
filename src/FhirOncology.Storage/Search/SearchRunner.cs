using System.Data.Common;
using Dapper;
using FhirOncology.Core.Errors;
using FhirOncology.Core.Search;
using FhirOncology.Storage.Dialects;
using FhirOncology.Storage.Resources;

namespace FhirOncology.Storage.Search;

/// <summary>
/// Runs a <see cref="SearchQuery"/>: the page of matches in surrogate-key order (keyset paging: the cursor is the
/// last surrogate id seen, so rows written meanwhile neither shift nor repeat pages), the total when asked, and
/// the _include/_revinclude resources (search.html#include), all narrowed by the query's scope clauses.
/// </summary>
internal sealed partial class SearchRunner(SqlDialect dialect)
{
    private const string Columns = "r.ResourceSurrogateId, r.ResourceType, r.ResourceId, r.Version, r.RequestMethod, r.LastUpdated, r.RawResource";

    public async Task<SearchResult> RunAsync(SearchQuery query, CancellationToken ct)
    {
        await using var connection = await dialect.OpenAsync(ct);
        long? total = query.Total == TotalMode.Accurate ? await CountAsync(connection, query, ct) : null;
        if (query.CountOnly || query.Count == 0)
        {
            return new SearchResult([], [], null, total);
        }

        var (page, next, previous) = query.Sort switch
        {
            [] => await BySurrogateAsync(connection, query, descending: false, ct),
            [{ Code: ParameterClause.LastUpdatedCode } only] => await BySurrogateAsync(connection, query, only.Descending, ct),
            _ => await SortedAsync(connection, query, ct),
        };
        var included = await IncludeAsync(connection, query, page, ct);
        return new SearchResult([.. page.Select(row => row.ToVersion())], [.. included.Select(row => row.ToVersion())], next, total, previous);
    }

    /// <summary>
    /// Surrogate-key order is time order. A forward cursor is the last surrogate id of the page; a backward one
    /// ("b" + the first surrogate id of the page) reads the page before it, in reverse, and turns it round.
    /// </summary>
    private async Task<(List<ResourceRow> Page, string? Next, string? Previous)> BySurrogateAsync(
        DbConnection connection, SearchQuery query, bool descending, CancellationToken ct)
    {
        var backward = query.Cursor?.StartsWith('b') == true;
        var (sql, parameters) = PageSql(query, descending);
        var rows = (await connection.QueryAsync<ResourceRow>(new CommandDefinition(sql, parameters, cancellationToken: ct))).ToList();
        var more = rows.Count > query.Count;
        var page = rows.Take(query.Count).ToList();
        if (backward)
        {
            page.Reverse();
        }

        string? Forward() => page.Count == 0 ? null : SurrogateCursor.Format(page[^1].ResourceSurrogateId);
        string? Back() => page.Count == 0 ? null : "b" + SurrogateCursor.Format(page[0].ResourceSurrogateId);
        // Forward: a next page when more rows came back, a previous one whenever we did not start at the beginning.
        // Backward: the reverse.
        return backward
            ? (page, Forward(), more ? Back() : null)
            : (page, more ? Forward() : null, query.Cursor is null ? null : Back());
    }

    /// <summary>The SQL of one page in surrogate order (also what the query-plan tests examine).</summary>
    internal (string Sql, DynamicParameters Parameters) PageSql(SearchQuery query, bool descending)
    {
        var builder = new SearchSqlBuilder(scope: query.ScopeClauses);
        var from = MatchSql.From(builder, query.Types, query.Clauses);
        var backward = query.Cursor?.StartsWith('b') == true;
        var reverse = descending != backward;
        if (query.Cursor is not null)
        {
            from += $" AND r.ResourceSurrogateId {(reverse ? "<" : ">")} {builder.Add(SurrogateCursor.Parse(backward ? query.Cursor[1..] : query.Cursor))}";
        }

        builder.Parameters.Add("Take", query.Count + 1); // one more than asked tells whether there is another page
        return (dialect.SelectTop(Columns, from + " ORDER BY r.ResourceSurrogateId" + (reverse ? " DESC" : "")), builder.Parameters);
    }

    private async Task<long> CountAsync(DbConnection connection, SearchQuery query, CancellationToken ct)
    {
        var builder = new SearchSqlBuilder(scope: query.ScopeClauses);
        var sql = "SELECT COUNT(*) " + MatchSql.From(builder, query.Types, query.Clauses);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, builder.Parameters, cancellationToken: ct));
    }
}
