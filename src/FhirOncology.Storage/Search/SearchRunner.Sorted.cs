using System.Data.Common;
using System.Globalization;
using System.Text;
using Dapper;
using FhirOncology.Core.Search;
using FhirOncology.Storage.Resources;
using Hl7.Fhir.Model;

namespace FhirOncology.Storage.Search;

internal sealed partial class SearchRunner
{
    /// <summary>
    /// search.html#sort on parameters: each key is the lowest (ascending) or highest (descending) indexed value of
    /// the resource; resources without a value come last; ties break on the surrogate key. Paging is keyset on
    /// (keys…, surrogate), so pages stay stable while data changes.
    /// </summary>
    private async Task<(List<ResourceRow> Page, string? Next, string? Previous)> SortedAsync(DbConnection connection, SearchQuery query, CancellationToken ct)
    {
        var builder = new SearchSqlBuilder(scope: query.ScopeClauses);
        var keys = query.Sort.Select((key, i) => (Key: key, Column: $"K{i}", Sql: KeyExpression(builder, key))).ToList();
        var inner = $"SELECT {Columns}, {string.Join(", ", keys.Select(k => $"{k.Sql} AS {k.Column}"))} "
            + MatchSql.From(builder, query.Types, query.Clauses);
        // A backward cursor ("b…") reads the rows before the page in reverse order, then turns them round.
        var backward = query.Cursor?.StartsWith('b') == true;
        var cursor = query.Cursor is null ? null : SortCursor.Decode(backward ? query.Cursor[1..] : query.Cursor, query.Sort);
        var position = cursor is null ? "" : " AND " + (backward ? Before(builder, keys, 0, cursor) : After(builder, keys, 0, cursor));
        var order = string.Join(", ", keys.Select(k =>
            $"CASE WHEN {k.Column} IS NULL THEN 1 ELSE 0 END{(backward ? " DESC" : "")}, {k.Column}{(k.Key.Descending != backward ? " DESC" : "")}"));
        builder.Parameters.Add("Take", query.Count + 1);
        var sql = dialect.SelectTop("*", $"FROM ({inner}) q WHERE 1 = 1{position} ORDER BY {order}, ResourceSurrogateId{(backward ? " DESC" : "")}");
        var rows = (await connection.QueryAsync<ResourceRow>(new CommandDefinition(sql, builder.Parameters, cancellationToken: ct))).ToList();
        var more = rows.Count > query.Count;
        var page = rows.Take(query.Count).ToList();
        if (backward)
        {
            page.Reverse();
        }

        string? Forward() => page.Count == 0 ? null : SortCursor.Encode(page[^1].SortValues.Take(keys.Count).ToList(), page[^1].ResourceSurrogateId);
        string? Back() => page.Count == 0 ? null : "b" + SortCursor.Encode(page[0].SortValues.Take(keys.Count).ToList(), page[0].ResourceSurrogateId);
        return backward ? (page, Forward(), more ? Back() : null) : (page, more ? Forward() : null, query.Cursor is null ? null : Back());
    }

    private static string KeyExpression(SearchSqlBuilder builder, SortParameter key)
    {
        if (key.Code == ParameterClause.IdCode)
        {
            return "r.ResourceId";
        }

        if (key.Code == ParameterClause.LastUpdatedCode)
        {
            return "r.LastUpdated";
        }

        var (table, column) = key.Type switch
        {
            SearchParamType.String => ("StringSearchParam", "Value"),
            SearchParamType.Token => ("TokenSearchParam", "Code"),
            SearchParamType.Date => ("DateSearchParam", key.Descending ? "EndTime" : "StartTime"),
            SearchParamType.Number => ("NumberSearchParam", "Value"),
            SearchParamType.Quantity => ("QuantitySearchParam", "Value"),
            SearchParamType.Reference => ("ReferenceSearchParam", "TargetId"),
            _ => ("UriSearchParam", "Uri"),
        };
        var aggregate = key.Descending ? "MAX" : "MIN";
        return $"(SELECT {aggregate}(x.{column}) FROM {table} x WHERE x.ResourceSurrogateId = r.ResourceSurrogateId AND x.ParamCode = {builder.Add(key.Code)})";
    }

    /// <summary>Rows before the cursor in (keys…, surrogate) order; a missing value is never before a present one.</summary>
    private static string Before(SearchSqlBuilder builder, List<(SortParameter Key, string Column, string Sql)> keys, int index, SortCursor cursor)
    {
        if (index == keys.Count)
        {
            return $"ResourceSurrogateId < {builder.Add(cursor.SurrogateId)}";
        }

        var (key, column, _) = keys[index];
        var value = cursor.Values[index];
        var rest = Before(builder, keys, index + 1, cursor);
        if (value is null)
        {
            return $"({column} IS NOT NULL OR ({column} IS NULL AND {rest}))";
        }

        var parameter = builder.Add(value);
        return $"({column} {(key.Descending ? ">" : "<")} {parameter} OR ({column} = {parameter} AND {rest}))";
    }

    /// <summary>Rows after the cursor in (keys…, surrogate) order, with missing values last.</summary>
    private static string After(SearchSqlBuilder builder, List<(SortParameter Key, string Column, string Sql)> keys, int index, SortCursor cursor)
    {
        if (index == keys.Count)
        {
            return $"ResourceSurrogateId > {builder.Add(cursor.SurrogateId)}";
        }

        var (key, column, _) = keys[index];
        var value = cursor.Values[index];
        var rest = After(builder, keys, index + 1, cursor);
        if (value is null)
        {
            return $"({column} IS NULL AND {rest})";
        }

        var parameter = builder.Add(value);
        return $"({column} {(key.Descending ? "<" : ">")} {parameter} OR ({column} = {parameter} AND {rest}) OR {column} IS NULL)";
    }
}
