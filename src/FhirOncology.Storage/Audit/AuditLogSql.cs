using System.Data.Common;
using System.Text;
using Dapper;
using FhirOncology.Core.Audit;
using FhirOncology.Storage.Dialects;

namespace FhirOncology.Storage.Audit;

/// <summary>The audit log (migration 0005): appending to its hash chain, shared by every dialect.</summary>
internal static class AuditLogSql
{
    public const string Columns = "a.Sequence, a.Recorded, a.ResourceId, a.Json, a.PreviousHash, a.Hash";

    private const string Insert =
        "INSERT INTO AuditLog (Sequence, Recorded, ResourceId, Json, PreviousHash, Hash) "
        + "VALUES (@Sequence, @Recorded, @ResourceId, @Json, @PreviousHash, @Hash)";

    /// <summary>The last entry's sequence and hash (0 and the genesis hash when the log is empty), after taking the chain's lock.</summary>
    public static async Task<AuditHead> ReadHeadAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition(dialect.AuditChainLock, transaction: transaction, cancellationToken: ct));
        var head = await connection.QuerySingleOrDefaultAsync<HeadRow>(new CommandDefinition(
            dialect.SelectTop("Sequence, Hash", "FROM AuditLog ORDER BY Sequence DESC"), new { Take = 1 }, transaction, cancellationToken: ct));
        return head is null ? new AuditHead(0, AuditChain.Genesis) : new AuditHead(head.Sequence, head.Hash.Trim());
    }

    /// <summary>Appends one entry after <paramref name="head"/> and returns the new head.</summary>
    public static async Task<AuditHead> AppendAsync(
        DbConnection connection, DbTransaction transaction, AuditHead head, string resourceId, DateTimeOffset recorded, ReadOnlyMemory<byte> json, CancellationToken ct)
    {
        var next = new AuditHead(head.Sequence + 1, AuditChain.Next(head.Hash, json.Span));
        await connection.ExecuteAsync(new CommandDefinition(Insert, new
        {
            next.Sequence,
            Recorded = recorded.ToUnixTimeMilliseconds(),
            ResourceId = resourceId,
            Json = Encoding.UTF8.GetString(json.Span),
            PreviousHash = head.Hash,
            next.Hash,
        }, transaction, cancellationToken: ct));
        return next;
    }

    private sealed class HeadRow
    {
        public long Sequence { get; init; }

        public string Hash { get; init; } = "";
    }
}
