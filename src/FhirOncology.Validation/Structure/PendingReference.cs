namespace FhirOncology.Validation.Structure;

/// <summary>A reference to a resource outside the instance, checked by the reference resolver after the walk.</summary>
internal sealed record PendingReference(string Reference, InstancePath Path, IReadOnlyList<string> AllowedTypes, IReadOnlyList<string> TargetProfiles, string? ElementId);
