using FhirOncology.Core.Storage;

namespace FhirOncology.Core.Search;

/// <summary>A page of matches, the resources included for them, the cursor of the next page, and the total when asked.</summary>
public sealed record SearchResult(
    IReadOnlyList<ResourceVersion> Matches, IReadOnlyList<ResourceVersion> Included, string? NextCursor, long? Total);
