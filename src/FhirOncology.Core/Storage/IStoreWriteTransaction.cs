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

    Task CommitAsync(CancellationToken cancellationToken);
}
