using FhirOncology.Validation.References;

namespace FhirOncology.Validation;

/// <summary>Per-call options of the validator.</summary>
public sealed class ValidationContext
{
    public static ValidationContext Default { get; } = new();

    /// <summary>Resolves references to resources outside the instance (used by ValidateAsync only).</summary>
    public IReferenceResolver? ReferenceResolver { get; init; }

    /// <summary>Also validate against the profiles the instance declares in <c>meta.profile</c> (default true).</summary>
    public bool UseMetaProfiles { get; init; } = true;

    /// <summary>Severity for a reference the resolver cannot find (default warning: a write may precede its target).</summary>
    public bool UnresolvedReferenceIsError { get; init; }

    /// <summary>
    /// Evaluate invariants with the SDK's FHIRPath engine instead of natively or on JSON (tests compare the two);
    /// dom-3 and txt-1/2 stay native, their checks report differently.
    /// </summary>
    internal bool SdkInvariantsOnly { get; init; }
}
