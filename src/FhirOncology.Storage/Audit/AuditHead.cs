namespace FhirOncology.Storage.Audit;

/// <summary>The last entry of the audit log's hash chain: what the next entry links to.</summary>
internal sealed record AuditHead(long Sequence, string Hash);
