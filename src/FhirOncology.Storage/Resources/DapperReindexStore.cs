using Dapper;
using FhirOncology.Core.Indexing;
using FhirOncology.Core.Storage;
using FhirOncology.Storage.Dialects;

namespace FhirOncology.Storage.Resources;

/// <summary>The reindex job's storage: its one-row progress table and batched index replacement.</summary>
internal sealed class DapperReindexStore(SqlDialect dialect) : IReindexStore
{
    private const string StateColumns = "DefinitionsHash, LastSurrogateId, Processed, Total, StartedAt, CompletedAt";

    public async Task<ReindexState?> ReadStateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<StateRow>(new CommandDefinition(
            $"SELECT {StateColumns} FROM ReindexState WHERE Id = 1", cancellationToken: cancellationToken));
        return row is null ? null : new ReindexState(row.DefinitionsHash, row.LastSurrogateId, row.Processed, row.Total,
            DateTimeOffset.FromUnixTimeMilliseconds(row.StartedAt), row.CompletedAt is { } done ? DateTimeOffset.FromUnixTimeMilliseconds(done) : null);
    }

    public async Task SaveStateAsync(ReindexState state, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await dialect.BeginWriteAsync(connection, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM ReindexState WHERE Id = 1", transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO ReindexState (Id, {StateColumns}) VALUES (1, @DefinitionsHash, @LastSurrogateId, @Processed, @Total, @StartedAt, @CompletedAt)",
            new
            {
                state.DefinitionsHash,
                state.LastSurrogateId,
                state.Processed,
                state.Total,
                StartedAt = state.StartedAt.ToUnixTimeMilliseconds(),
                CompletedAt = state.CompletedAt?.ToUnixTimeMilliseconds(),
            }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<long> CountCurrentAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM Resource WHERE IsHistory = 0 AND IsDeleted = 0", cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<CurrentResource>> ReadCurrentAsync(long afterSurrogateId, int count, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var sql = dialect.SelectTop(ResourceSql.Columns,
            "FROM Resource WHERE ResourceSurrogateId > @After AND IsHistory = 0 AND IsDeleted = 0 ORDER BY ResourceSurrogateId");
        var rows = await connection.QueryAsync<ResourceRow>(new CommandDefinition(sql, new { After = afterSurrogateId, Take = count }, cancellationToken: cancellationToken));
        return [.. rows.Select(row => new CurrentResource(row.ResourceSurrogateId, row.ToVersion()))];
    }

    public async Task ReplaceIndexAsync(IReadOnlyList<(long SurrogateId, string Type, SearchIndexEntries Index)> entries, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await dialect.BeginWriteAsync(connection, cancellationToken);
        var writer = new IndexRowWriter(connection, transaction);
        foreach (var (surrogateId, type, index) in entries)
        {
            var current = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                $"SELECT COUNT(*) FROM Resource{dialect.WriteLockHint} WHERE ResourceSurrogateId = @S AND IsHistory = 0 AND IsDeleted = 0",
                new { S = surrogateId }, transaction, cancellationToken: cancellationToken));
            if (current == 0)
            {
                continue;
            }

            var delete = string.Concat(ResourceSql.IndexTables.Select(table => $"DELETE FROM {table} WHERE ResourceSurrogateId = @S;\n"));
            await connection.ExecuteAsync(new CommandDefinition(delete, new { S = surrogateId }, transaction, cancellationToken: cancellationToken));
            await writer.WriteAsync(surrogateId, type, index, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private sealed class StateRow
    {
        public string DefinitionsHash { get; init; } = "";

        public long LastSurrogateId { get; init; }

        public long Processed { get; init; }

        public long Total { get; init; }

        public long StartedAt { get; init; }

        public long? CompletedAt { get; init; }
    }
}
