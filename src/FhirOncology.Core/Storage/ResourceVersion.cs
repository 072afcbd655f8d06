namespace FhirOncology.Core.Storage;

/// <summary>
/// One stored version of a resource. <see cref="Json"/> is the resource exactly as served (meta.versionId and
/// meta.lastUpdated already set); it is empty for a deletion marker.
/// </summary>
public sealed record ResourceVersion(
    ResourceKey Key,
    int VersionId,
    DateTimeOffset LastUpdated,
    WriteMethod Method,
    ReadOnlyMemory<byte> Json)
{
    public bool IsDeleted => Method == WriteMethod.Delete;
}
