using System.Data.Common;
using Dapper;
using FhirOncology.Core.Search;
using FhirOncology.Core.Indexing;
using FhirOncology.Core.Storage;
using FhirOncology.Storage.Audit;
using FhirOncology.Storage.Dialects;
using FhirOncology.Storage.Search;

namespace FhirOncology.Storage.Resources;

/// <summary>One database transaction for a write: the version row, the previous version's move to history and the index rows.</summary>
internal sealed class DapperWriteTransaction(
    SqlDialect dialect, SurrogateIdGenerator surrogateIds, DbConnection connection, DbTransaction transaction) : IStoreWriteTransaction
{
    private AuditHead? _auditHead;

    public async Task<ResourceVersion?> ReadCurrentAsync(ResourceKey key, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<ResourceRow>(new CommandDefinition(
            $"SELECT {ResourceSql.Columns} FROM Resource{dialect.WriteLockHint} WHERE {ResourceSql.CurrentFilter}",
            new { key.Type, key.Id }, transaction, cancellationToken: cancellationToken));
        return row?.ToVersion();
    }

    public async Task<IReadOnlyList<string>> FindCurrentIdsAsync(
        string type, IReadOnlyList<SearchClause> criteria, int limit, CancellationToken cancellationToken)
    {
        var builder = new SearchSqlBuilder(dialect.WriteLockHint);
        builder.Parameters.Add("Take", limit);
        var from = MatchSql.From(builder, [type], criteria, dialect.WriteLockHint);
        var ids = await connection.QueryAsync<string>(new CommandDefinition(
            dialect.SelectTop("r.ResourceId", from), builder.Parameters, transaction, cancellationToken: cancellationToken));
        return [.. ids];
    }

    public async Task SaveAsync(NewVersion version, CancellationToken cancellationToken)
    {
        var key = version.Key;
        if (version.VersionId > 1)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                ResourceSql.Supersede, new { key.Type, key.Id }, transaction, cancellationToken: cancellationToken));
        }

        var databaseMaximum = dialect.SerialisesWriters
            ? await connection.ExecuteScalarAsync<long>(new CommandDefinition(ResourceSql.MaxSurrogate, transaction: transaction, cancellationToken: cancellationToken))
            : 0;
        var surrogateId = surrogateIds.Next(version.LastUpdated, databaseMaximum);
        await connection.ExecuteAsync(new CommandDefinition(ResourceSql.Insert, new
        {
            ResourceSurrogateId = surrogateId,
            ResourceType = key.Type,
            ResourceId = key.Id,
            Version = version.VersionId,
            IsDeleted = version.Method == WriteMethod.Delete,
            RequestMethod = ResourceRow.FormatMethod(version.Method),
            LastUpdated = version.LastUpdated.ToUnixTimeMilliseconds(),
            RawResource = RawResourceCodec.Compress(version.Json.Span),
        }, transaction, cancellationToken: cancellationToken));

        await new IndexRowWriter(connection, transaction).WriteAsync(surrogateId, key.Type, version.Index, cancellationToken);
    }

    public Task<bool> MatchesAsync(ResourceKey key, IReadOnlyList<SearchClause> clauses, CancellationToken cancellationToken) =>
        AccessSql.MatchesAsync(connection, transaction, key, clauses, dialect.WriteLockHint, cancellationToken);

    public Task GrantAsync(ResourceKey key, IEnumerable<string> organizationIds, CancellationToken cancellationToken) =>
        AccessSql.GrantAsync(connection, transaction, key, organizationIds, cancellationToken);

    public Task SetCaseMembershipAsync(ResourceKey key, IEnumerable<string> patientIds, CancellationToken cancellationToken) =>
        AccessSql.SetCaseMembershipAsync(connection, transaction, key, patientIds, cancellationToken);

    public Task OpenCaseAsync(string patientId, IEnumerable<string> organizationIds, CancellationToken cancellationToken) =>
        AccessSql.OpenCaseAsync(connection, transaction, patientId, organizationIds, cancellationToken);

    public Task<IReadOnlyList<string>> ReadCasePatientsAsync(ResourceKey key, CancellationToken cancellationToken) =>
        AccessSql.ReadCasePatientsAsync(connection, transaction, key, cancellationToken);

    public async Task<long> AppendAuditAsync(string auditEventId, DateTimeOffset recorded, ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        // The lock and the head are taken once per transaction; later appends in the batch follow on from memory.
        _auditHead ??= await AuditLogSql.ReadHeadAsync(connection, transaction, dialect, cancellationToken);
        _auditHead = await AuditLogSql.AppendAsync(connection, transaction, _auditHead, auditEventId, recorded, json, cancellationToken);
        return _auditHead.Sequence;
    }

    public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync(); // rolls back when not committed
        await connection.DisposeAsync();
    }
}
