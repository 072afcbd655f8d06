using FhirOncology.Core.Search;

namespace FhirOncology.Core.Storage;

/// <summary>
/// The storage port: the few operations the FHIR engine needs. Reads run on their own; every write goes through
/// <see cref="BeginWriteAsync"/> so that checks, the new version and its index rows commit or fail together.
/// </summary>
public interface IResourceStore
{
    /// <summary>The current version (possibly a deletion marker), or null when the resource never existed.</summary>
    Task<ResourceVersion?> ReadCurrentAsync(ResourceKey key, CancellationToken cancellationToken);

    Task<ResourceVersion?> ReadVersionAsync(ResourceKey key, int versionId, CancellationToken cancellationToken);

    /// <summary>Whether the current version of the resource (deleted or not) satisfies every clause (access checks).</summary>
    Task<bool> MatchesAsync(ResourceKey key, IReadOnlyList<SearchClause> clauses, CancellationToken cancellationToken);

    Task<HistoryPage> ReadHistoryAsync(HistoryQuery query, CancellationToken cancellationToken);

    /// <summary>A page of current, not deleted matches with their includes (search.html), narrowed by the query's scope clauses.</summary>
    Task<SearchResult> SearchAsync(SearchQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Starts a serialised write transaction. Conditional operations read and write inside it, so two concurrent
    /// conditional creates with the same criteria cannot both see "no match" (http.html#ccreate).
    /// </summary>
    Task<IStoreWriteTransaction> BeginWriteAsync(CancellationToken cancellationToken);

    /// <summary>True when the database answers and its schema is up to date (readiness).</summary>
    Task<bool> IsReadyAsync(CancellationToken cancellationToken);
}
