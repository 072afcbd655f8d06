using FhirOncology.Validation.Profiles;

namespace FhirOncology.Validation.Structure;

/// <summary>An element present in the instance whose definition names <c>condition</c> constraints, checked after the invariants.</summary>
internal sealed record PendingCondition(ElementNode Element, InstancePath Path, InstancePath ResourcePath);
