namespace FhirOncology.Core.Audit;

/// <summary>
/// The result of checking the audit chain: whether it holds, how many entries were found intact (from the first
/// on), the first entry that is missing or fails, why, and the hash of the last intact entry (to anchor elsewhere).
/// </summary>
public sealed record AuditChainReport(bool Valid, long Checked, long? FirstInvalidSequence, string Message, string LastHash);
