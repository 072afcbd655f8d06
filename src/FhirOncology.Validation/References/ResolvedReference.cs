namespace FhirOncology.Validation.References;

/// <summary>What the validator needs to know about a referenced resource: its type and declared profiles.</summary>
public sealed record ResolvedReference(string ResourceType, IReadOnlyList<string> Profiles);
