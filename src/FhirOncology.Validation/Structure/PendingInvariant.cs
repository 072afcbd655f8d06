using FhirOncology.Validation.Profiles;

namespace FhirOncology.Validation.Structure;

/// <summary>
/// A FHIRPath invariant to evaluate once the walk is done, at a node of the instance, inside the resource of
/// <paramref name="Scope"/> (its %resource; fhirpath.html#environment-variables) whose references resolve() follows.
/// </summary>
internal sealed record PendingInvariant(ConstraintInfo Constraint, InstancePath Path, ResourceScope Scope, ElementNode Element);
