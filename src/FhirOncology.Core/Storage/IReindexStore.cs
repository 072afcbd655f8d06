using FhirOncology.Core.Indexing;

namespace FhirOncology.Core.Storage;

/// <summary>Where the reindex job keeps its progress, and the store operations it needs.</summary>
public interface IReindexStore
{
    Task<ReindexState?> ReadStateAsync(CancellationToken cancellationToken);

    Task SaveStateAsync(ReindexState state, CancellationToken cancellationToken);

    Task<long> CountCurrentAsync(CancellationToken cancellationToken);

    /// <summary>Current, not deleted versions after <paramref name="afterSurrogateId"/> in surrogate order.</summary>
    Task<IReadOnlyList<CurrentResource>> ReadCurrentAsync(long afterSurrogateId, int count, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the index rows of each version in one transaction, skipping versions that are no longer current
    /// (a concurrent write has indexed its successor with the current definitions already).
    /// </summary>
    Task ReplaceIndexAsync(IReadOnlyList<(long SurrogateId, string Type, SearchIndexEntries Index)> entries, CancellationToken cancellationToken);
}

/// <summary>A current version with its surrogate key, as the reindex job walks them.</summary>
public sealed record CurrentResource(long SurrogateId, ResourceVersion Version);

/// <summary>The reindex job's progress; <see cref="CompletedAt"/> is set when the index reflects <see cref="DefinitionsHash"/>.</summary>
public sealed record ReindexState(
    string DefinitionsHash, long LastSurrogateId, long Processed, long Total, DateTimeOffset StartedAt, DateTimeOffset? CompletedAt);
