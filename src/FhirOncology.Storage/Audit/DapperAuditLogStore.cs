using System.Text;
using Dapper;
using FhirOncology.Core.Security;
using FhirOncology.Core.Storage;
using FhirOncology.Storage.Dialects;
using FhirOncology.Storage.Resources;

namespace FhirOncology.Storage.Audit;

/// <summary>Reads the audit log in sequence order, each entry with the AuditEvent the API serves for it.</summary>
internal sealed class DapperAuditLogStore(SqlDialect dialect) : IAuditLogStore
{
    // The current version of the same AuditEvent in Resource; its RawResource is null when that row is missing.
    private const string From =
        "FROM AuditLog a LEFT JOIN Resource r ON r.ResourceType = @Type AND r.ResourceId = a.ResourceId AND r.IsHistory = 0 "
        + "WHERE a.Sequence > @After ORDER BY a.Sequence";

    public async Task<IReadOnlyList<AuditLogEntry>> ReadAsync(long afterSequence, int count, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<EntryRow>(new CommandDefinition(
            dialect.SelectTop(AuditLogSql.Columns + ", r.RawResource AS Served", From),
            new { Type = AccessPolicy.AuditType, After = afterSequence, Take = count }, cancellationToken: cancellationToken));
        return [.. rows.Select(row => new AuditLogEntry(
            row.Sequence,
            DateTimeOffset.FromUnixTimeMilliseconds(row.Recorded),
            row.ResourceId,
            Encoding.UTF8.GetBytes(row.Json),
            row.PreviousHash.Trim(),
            row.Hash.Trim(),
            row.Served is null ? null : RawResourceCodec.Decompress(row.Served)))];
    }

    private sealed class EntryRow
    {
        public long Sequence { get; init; }

        public long Recorded { get; init; }

        public string ResourceId { get; init; } = "";

        public string Json { get; init; } = "";

        public string PreviousHash { get; init; } = "";

        public string Hash { get; init; } = "";

        public byte[]? Served { get; init; }
    }
}
