using Dapper;
using FhirOncology.Core.Search;
using FhirOncology.Core.Storage;
using FhirOncology.Storage.Dialects;
using FhirOncology.Storage.Migrations;
using FhirOncology.Storage.Search;

namespace FhirOncology.Storage.Resources;

/// <summary>The <see cref="IResourceStore"/> for every dialect, on Dapper.</summary>
internal sealed class DapperResourceStore(
    SqlDialect dialect, SurrogateIdGenerator surrogateIds, SchemaMigrator migrator, SearchRunner searchRunner) : IResourceStore
{
    public Task<SearchResult> SearchAsync(SearchQuery query, CancellationToken cancellationToken) =>
        searchRunner.RunAsync(query, cancellationToken);

    public async Task<ResourceVersion?> ReadCurrentAsync(ResourceKey key, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ResourceRow>(new CommandDefinition(
            $"SELECT {ResourceSql.Columns} FROM Resource WHERE {ResourceSql.CurrentFilter}",
            new { key.Type, key.Id }, cancellationToken: cancellationToken));
        return row?.ToVersion();
    }

    public async Task<ResourceVersion?> ReadVersionAsync(ResourceKey key, int versionId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ResourceRow>(new CommandDefinition(
            ResourceSql.ReadVersion, new { key.Type, key.Id, Version = versionId }, cancellationToken: cancellationToken));
        return row?.ToVersion();
    }

    public async Task<bool> MatchesAsync(ResourceKey key, IReadOnlyList<SearchClause> clauses, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await AccessSql.MatchesAsync(connection, null, key, clauses, "", cancellationToken);
    }

    public async Task<HistoryPage> ReadHistoryAsync(HistoryQuery query, CancellationToken cancellationToken)
    {
        var before = query.Cursor is null ? long.MaxValue : SurrogateCursor.Parse(query.Cursor);
        var types = query.Type is null ? [.. query.Scope.Keys] : new[] { query.Type };
        var builder = new SearchSqlBuilder(scope: query.Scope);
        builder.Parameters.Add("Take", query.Count + 1); // one more than asked tells whether there is a next page

        var filter = $"FROM Resource r WHERE r.ResourceSurrogateId < {builder.Add(before)}";
        if (query.Since is { } since)
        {
            // The surrogate bound lets the primary key do the work; LastUpdated keeps the boundary exact.
            filter += $" AND r.ResourceSurrogateId >= {builder.Add(SurrogateIdGenerator.LowerBound(since))} AND r.LastUpdated >= {builder.Add(since.ToUnixTimeMilliseconds())}";
        }

        filter += $" AND r.ResourceType IN {builder.AddList(types)}";
        if (query.Id is not null)
        {
            filter += $" AND r.ResourceId = {builder.Add(query.Id)}";
        }

        var sql = dialect.SelectTop(ResourceSql.Columns, filter + builder.ScopeConditions("r", types) + " ORDER BY r.ResourceSurrogateId DESC");

        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<ResourceRow>(new CommandDefinition(sql, builder.Parameters, cancellationToken: cancellationToken))).ToList();
        var hasMore = rows.Count > query.Count;
        var page = rows.Take(query.Count).ToList();
        var next = hasMore ? SurrogateCursor.Format(page[^1].ResourceSurrogateId) : null;
        return new HistoryPage([.. page.Select(row => row.ToVersion())], next);
    }

    public async Task<IStoreWriteTransaction> BeginWriteAsync(CancellationToken cancellationToken)
    {
        var connection = await dialect.OpenAsync(cancellationToken);
        try
        {
            var transaction = await dialect.BeginWriteAsync(connection, cancellationToken);
            return new DapperWriteTransaction(dialect, surrogateIds, connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await SchemaMigrator.CurrentVersionAsync(connection, cancellationToken) >= migrator.LatestVersion;
    }
}
