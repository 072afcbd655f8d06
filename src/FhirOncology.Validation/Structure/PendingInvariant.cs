using FhirOncology.Validation.Profiles;

namespace FhirOncology.Validation.Structure;

/// <summary>A FHIRPath invariant to evaluate once the walk is done, at a node of the instance.</summary>
internal sealed record PendingInvariant(ConstraintInfo Constraint, InstancePath Path, InstancePath ResourcePath, ElementNode Element);
