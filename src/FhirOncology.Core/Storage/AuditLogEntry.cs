namespace FhirOncology.Core.Storage;

/// <summary>
/// One row of the append-only audit log (issue #5), with the copy of the same AuditEvent that the FHIR API serves
/// (<see cref="ServedJson"/>; null when that resource is missing).
/// </summary>
public sealed record AuditLogEntry(
    long Sequence,
    DateTimeOffset Recorded,
    string ResourceId,
    ReadOnlyMemory<byte> Json,
    string PreviousHash,
    string Hash,
    ReadOnlyMemory<byte>? ServedJson);
