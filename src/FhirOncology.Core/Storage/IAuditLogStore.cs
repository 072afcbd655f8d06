namespace FhirOncology.Core.Storage;

/// <summary>Reads the append-only audit log for verification. Entries are appended by <see cref="IStoreWriteTransaction.AppendAuditAsync"/>.</summary>
public interface IAuditLogStore
{
    /// <summary>Up to <paramref name="count"/> entries with a sequence above <paramref name="afterSequence"/>, in sequence order.</summary>
    Task<IReadOnlyList<AuditLogEntry>> ReadAsync(long afterSequence, int count, CancellationToken cancellationToken);
}
