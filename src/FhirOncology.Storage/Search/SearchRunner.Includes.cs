using System.Data.Common;
using Dapper;
using FhirOncology.Core.Search;
using FhirOncology.Storage.Resources;

namespace FhirOncology.Storage.Search;

internal sealed partial class SearchRunner
{
    /// <summary>Iterations of :iterate includes, and the most resources one page may include.</summary>
    private const int MaxIterations = 4;
    private const int MaxIncluded = 1000;
    private const int IdsPerStatement = 500;

    private async Task<List<ResourceRow>> IncludeAsync(DbConnection connection, SearchQuery query, List<ResourceRow> page, CancellationToken ct)
    {
        var seen = page.Select(Key).ToHashSet();
        var included = new List<ResourceRow>();
        var round = page;
        for (var iteration = 0; iteration < MaxIterations && round.Count > 0 && included.Count < MaxIncluded; iteration++)
        {
            var found = new List<ResourceRow>();
            foreach (var include in query.Includes.Where(i => iteration == 0 || i.Iterate))
            {
                found.AddRange(await ForwardAsync(connection, query, include, round, ct));
            }

            foreach (var revInclude in query.RevIncludes.Where(i => iteration == 0 || i.Iterate))
            {
                found.AddRange(await ReverseAsync(connection, query, revInclude, round, ct));
            }

            round = [.. found.Where(row => seen.Add(Key(row))).Take(MaxIncluded - included.Count)];
            included.AddRange(round);
        }

        return included;
    }

    // _include=Source:param[:Target]: the resources the sources' reference parameter points at.
    private async Task<IEnumerable<ResourceRow>> ForwardAsync(
        DbConnection connection, SearchQuery query, IncludeRequest include, List<ResourceRow> round, CancellationToken ct)
    {
        var sources = round.Where(row => include.SourceType == "*" || row.ResourceType == include.SourceType).Select(row => row.ResourceSurrogateId).ToList();
        var targets = new List<(string Type, string Id)>();
        foreach (var chunk in sources.Chunk(IdsPerStatement))
        {
            var builder = new SearchSqlBuilder(scope: query.ScopeClauses);
            var sql = $"SELECT x.TargetType, x.TargetId FROM ReferenceSearchParam x WHERE x.BaseUri IS NULL AND x.TargetType IS NOT NULL "
                + $"AND x.ResourceSurrogateId IN ({string.Join(", ", chunk.Select(s => builder.Add(s)))})"
                + (include.ReferenceCode is null ? "" : $" AND x.ParamCode = {builder.Add(include.ReferenceCode)}")
                + (include.TargetType is null ? "" : $" AND x.TargetType = {builder.Add(include.TargetType)}");
            targets.AddRange(await connection.QueryAsync<(string, string)>(new CommandDefinition(sql, builder.Parameters, cancellationToken: ct)));
        }

        var rows = new List<ResourceRow>();
        foreach (var group in targets.Distinct().GroupBy(t => t.Type))
        {
            foreach (var ids in group.Select(t => t.Id).Chunk(IdsPerStatement))
            {
                var builder = new SearchSqlBuilder(scope: query.ScopeClauses);
                var from = MatchSql.From(builder, [group.Key], []) + " AND r.ResourceId IN " + builder.AddList(ids);
                rows.AddRange(await connection.QueryAsync<ResourceRow>(new CommandDefinition($"SELECT {Columns} {from}", builder.Parameters, cancellationToken: ct)));
            }
        }

        return rows;
    }

    // _revinclude=Source:param[:Target]: the Source resources whose reference parameter points at a resource of this round.
    private async Task<IEnumerable<ResourceRow>> ReverseAsync(
        DbConnection connection, SearchQuery query, IncludeRequest revInclude, List<ResourceRow> round, CancellationToken ct)
    {
        var rows = new List<ResourceRow>();
        var targets = round.Where(row => revInclude.TargetType is null || row.ResourceType == revInclude.TargetType).ToList();
        foreach (var byType in targets.GroupBy(row => row.ResourceType))
        {
            foreach (var chunk in byType.Select(row => row.ResourceId).Chunk(IdsPerStatement))
            {
                var builder = new SearchSqlBuilder(scope: query.ScopeClauses);
                var from = MatchSql.From(builder, [revInclude.SourceType], [])
                    + $" AND r.ResourceSurrogateId IN (SELECT x.ResourceSurrogateId FROM ReferenceSearchParam x WHERE x.ResourceType = {builder.Add(revInclude.SourceType)}"
                    + $" AND x.ParamCode = {builder.Add(revInclude.ReferenceCode)} AND x.TargetType = {builder.Add(byType.Key)} AND x.TargetId IN {builder.AddList(chunk)})";
                rows.AddRange(await connection.QueryAsync<ResourceRow>(new CommandDefinition($"SELECT {Columns} {from}", builder.Parameters, cancellationToken: ct)));
            }
        }

        return rows;
    }

    private static (string, string) Key(ResourceRow row) => (row.ResourceType, row.ResourceId);
}
