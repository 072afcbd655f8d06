namespace FhirOncology.Validation.Profiles;

/// <summary>One <c>ElementDefinition.type</c>: the type code, its profiles and, for references, the target profiles.</summary>
internal sealed record TypeRef(string Code, List<string> Profiles, List<string> TargetProfiles);
