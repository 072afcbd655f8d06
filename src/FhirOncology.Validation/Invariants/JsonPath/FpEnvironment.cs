using System.Text.Json;

namespace FhirOncology.Validation.Invariants.JsonPath;

/// <summary>
/// %context, %resource and %rootResource (fhirpath.html#environment-variables) for one evaluation, and %extension for an
/// extension's context invariants (StructureDefinition.contextInvariant).
/// </summary>
internal readonly record struct FpEnvironment(
    FpItem Context, JsonElement Resource, string ResourceType, JsonElement RootResource, string RootResourceType, JsonElement? Extension = null);
