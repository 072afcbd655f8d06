using FhirOncology.Core.Storage;

namespace FhirOncology.Core.Audit;

/// <summary>The resource a request acted on, with the version when the response named one.</summary>
public sealed record AuditTarget(ResourceKey Key, int? VersionId);
