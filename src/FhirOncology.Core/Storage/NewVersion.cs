using FhirOncology.Core.Indexing;

namespace FhirOncology.Core.Storage;

/// <summary>
/// A version the engine asks the store to write: the resource JSON and its search-index entries, written in one
/// database transaction together with the history row (issue #2: every write is one transaction).
/// </summary>
public sealed record NewVersion(
    ResourceKey Key,
    int VersionId,
    DateTimeOffset LastUpdated,
    WriteMethod Method,
    ReadOnlyMemory<byte> Json,
    SearchIndexEntries Index);
