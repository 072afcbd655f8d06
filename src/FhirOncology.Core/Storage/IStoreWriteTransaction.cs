using FhirOncology.Core.Search;

namespace FhirOncology.Core.Storage;

/// <summary>One database transaction for a write. Disposing without <see cref="CommitAsync"/> rolls back.</summary>
public interface IStoreWriteTransaction : IAsyncDisposable
{
    Task<ResourceVersion?> ReadCurrentAsync(ResourceKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Ids of current, not deleted resources of <paramref name="type"/> matching every clause; at most
    /// <paramref name="limit"/> of them. Locks what it read until the transaction ends.
    /// </summary>
    Task<IReadOnlyList<string>> FindCurrentIdsAsync(
        string type, IReadOnlyList<SearchClause> criteria, int limit, CancellationToken cancellationToken);

    /// <summary>Writes the version, moves the previous one to history and replaces its index rows.</summary>
    Task SaveAsync(NewVersion version, CancellationToken cancellationToken);

    /// <summary>Whether the current version of the resource (deleted or not) satisfies every clause (access checks).</summary>
    Task<bool> MatchesAsync(ResourceKey key, IReadOnlyList<SearchClause> clauses, CancellationToken cancellationToken);

    /// <summary>Lets these organisations see the resource directly (all its versions); grants are only ever added.</summary>
    Task GrantAsync(ResourceKey key, IEnumerable<string> organizationIds, CancellationToken cancellationToken);

    /// <summary>Replaces the patient cases the resource belongs to (the Patients its current version references).</summary>
    Task SetCaseMembershipAsync(ResourceKey key, IEnumerable<string> patientIds, CancellationToken cancellationToken);

    /// <summary>Lets these organisations see every member of the patient's case.</summary>
    Task OpenCaseAsync(string patientId, IEnumerable<string> organizationIds, CancellationToken cancellationToken);

    /// <summary>The patients whose case the resource belongs to (its case membership as last written).</summary>
    Task<IReadOnlyList<string>> ReadCasePatientsAsync(ResourceKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Appends the AuditEvent stored as <paramref name="auditEventId"/> to the hash-chained audit log (issue #5):
    /// the next sequence number, the previous entry's hash and the new hash. Appends are serialised across
    /// processes, so the chain never forks. Returns the entry's sequence number.
    /// </summary>
    Task<long> AppendAuditAsync(string auditEventId, DateTimeOffset recorded, ReadOnlyMemory<byte> json, CancellationToken cancellationToken);

    Task CommitAsync(CancellationToken cancellationToken);
}
