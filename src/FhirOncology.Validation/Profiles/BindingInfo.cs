namespace FhirOncology.Validation.Profiles;

/// <summary>
/// <c>ElementDefinition.binding</c> (terminologies.html#strength): required bindings are errors, extensible ones warnings,
/// preferred and example bindings are not checked.
/// </summary>
internal sealed record BindingInfo(string Strength, string ValueSet);
