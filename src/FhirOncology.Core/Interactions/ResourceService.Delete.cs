using FhirOncology.Core.Search;
using FhirOncology.Core.Indexing;
using FhirOncology.Core.Security;
using FhirOncology.Core.Storage;

namespace FhirOncology.Core.Interactions;

public sealed partial class ResourceService
{
    /// <summary>
    /// http.html#delete: a soft delete that writes a deletion marker as a new version, so history keeps every
    /// version and later reads give 410. Deleting an unknown or already deleted resource writes nothing.
    /// </summary>
    public async Task<WriteResult> DeleteAsync(string type, string id, CancellationToken ct)
    {
        EnsureSupported(type);
        AccessPolicy.EnsureChangeable(type, Permissions.Delete); // 405 for append-only types, even when nothing matches
        policy.Require(type, Permissions.Delete);
        if (!IsValidId(id))
        {
            return new WriteResult(WriteOutcome.NothingToDelete, null);
        }

        await using var transaction = await store.BeginWriteAsync(ct);
        var result = await DeleteInTransactionAsync(transaction, new ResourceKey(type, id), ct);
        await transaction.CommitAsync(ct);
        return result;
    }

    /// <summary>http.html#cdelete: single-match conditional delete; more than one match gives 412.</summary>
    public async Task<WriteResult> ConditionalDeleteAsync(string type, IEnumerable<KeyValuePair<string, string>> query, CancellationToken ct)
    {
        EnsureSupported(type);
        AccessPolicy.EnsureChangeable(type, Permissions.Delete);
        policy.Require(type, Permissions.Delete);
        var criteria = searchParser.ParseCriteria(type, query);
        await using var transaction = await store.BeginWriteAsync(ct);
        var matchId = await FindSingleMatchAsync(transaction, type, criteria, "conditional delete", ct);
        var result = matchId is null
            ? new WriteResult(WriteOutcome.NothingToDelete, null)
            : await DeleteInTransactionAsync(transaction, new ResourceKey(type, matchId), ct);
        await transaction.CommitAsync(ct);
        return result;
    }

    internal async Task<WriteResult> DeleteInTransactionAsync(IStoreWriteTransaction transaction, ResourceKey key, CancellationToken ct)
    {
        policy.Require(key.Type, Permissions.Delete); // even when there is nothing to delete
        var current = await transaction.ReadCurrentAsync(key, ct);
        if (current is null || current.IsDeleted)
        {
            return new WriteResult(WriteOutcome.NothingToDelete, current);
        }

        await policy.EnsureChangeableAsync(transaction, key, Permissions.Delete, ct);

        var marker = new NewVersion(key, current.VersionId + 1, Now(), WriteMethod.Delete, ReadOnlyMemory<byte>.Empty, SearchIndexEntries.None);
        var context = new WriteContext(transaction, key, marker.VersionId, WriteMethod.Delete, null, policy.Caller) { Writes = new TransactionWrites(this, transaction) };
        foreach (var hook in _hooks)
        {
            await hook.BeforeSaveAsync(context, ct);
        }

        await transaction.SaveAsync(marker, ct);
        foreach (var hook in _hooks)
        {
            await hook.AfterSaveAsync(context, ct);
        }

        await RecordProvenanceAsync(transaction, key, marker.VersionId, marker.LastUpdated, WriteMethod.Delete, [], ct);
        return new WriteResult(WriteOutcome.Deleted, new ResourceVersion(key, marker.VersionId, marker.LastUpdated, WriteMethod.Delete, marker.Json));
    }
}
