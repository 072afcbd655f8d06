using FhirOncology.Core.Storage;

namespace FhirOncology.Core.Interactions;

/// <summary>What a write did, so the Api can choose the status: 201, 200, or 204.</summary>
public enum WriteOutcome
{
    /// <summary>A new resource (or a deleted one brought back): 201 Created.</summary>
    Created,

    /// <summary>A new version of an existing resource: 200 OK.</summary>
    Updated,

    /// <summary>Conditional create matched one existing resource, nothing written: 200 OK (http.html#ccreate).</summary>
    Existing,

    /// <summary>A deletion marker was written: 204.</summary>
    Deleted,

    /// <summary>Nothing to delete (unknown or already deleted): 204 without a new version.</summary>
    NothingToDelete,
}

public sealed record WriteResult(WriteOutcome Outcome, ResourceVersion? Version);
