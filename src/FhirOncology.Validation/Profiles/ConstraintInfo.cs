namespace FhirOncology.Validation.Profiles;

/// <summary>An <c>ElementDefinition.constraint</c> (conformance-rules.html#constraints).</summary>
internal sealed record ConstraintInfo(string Key, bool IsError, string Human, string Expression, string? Source);
