using FhirOncology.Core.Storage;

namespace FhirOncology.Core.Search;

/// <summary>
/// A page of matches, the resources included for them, the cursors of the next and previous pages (null when
/// there is none), and the total when asked.
/// </summary>
public sealed record SearchResult(
    IReadOnlyList<ResourceVersion> Matches, IReadOnlyList<ResourceVersion> Included, string? NextCursor, long? Total,
    string? PreviousCursor = null);
