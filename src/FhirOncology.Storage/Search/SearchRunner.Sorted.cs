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
        var builder = new SearchSqlBuilder();
        var keys = query.Sort.Select((key, i) => (Key: key, Column: $"K{i}", Sql: KeyExpression(builder, key))).ToList();
        var inner = $"SELECT {Columns}, {string.Join(", ", keys.Select(k => $"{k.Sql} AS {k.Column}"))} "
            + MatchSql.From(builder, query.Types, query.Clauses, query.ScopeClauses);
        var after = query.Cursor is null ? "" : " AND " + After(builder, keys, 0, SortCursor.Decode(query.Cursor, query.Sort));
        var order = string.Join(", ", keys.Select(k => $"CASE WHEN {k.Column} IS NULL THEN 1 ELSE 0 END, {k.Column}{(k.Key.Descending ? " DESC" : "")}"));
        builder.Parameters.Add("Take", query.Count + 1);
        var sql = dialect.SelectTop("*", $"FROM ({inner}) q WHERE 1 = 1{after} ORDER BY {order}, ResourceSurrogateId");
        var rows = (await connection.QueryAsync<ResourceRow>(new CommandDefinition(sql, builder.Parameters, cancellationToken: ct))).ToList();
        var page = rows.Take(query.Count).ToList();
        var next = rows.Count > query.Count ? SortCursor.Encode(page[^1].SortValues.Take(keys.Count).ToList(), page[^1].ResourceSurrogateId) : null;
        return (page, next, null); // previous links are offered for time-ordered results only
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
