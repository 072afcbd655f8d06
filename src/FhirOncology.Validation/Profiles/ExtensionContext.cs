namespace FhirOncology.Validation.Profiles;

/// <summary>Where an extension may be used (<c>StructureDefinition.context</c>, defining-extensions.html#context).</summary>
internal sealed record ExtensionContext(string Type, string Expression);
