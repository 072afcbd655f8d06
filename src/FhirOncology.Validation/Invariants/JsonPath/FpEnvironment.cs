using System.Text.Json;

namespace FhirOncology.Validation.Invariants.JsonPath;

/// <summary>%resource and %rootResource (fhirpath.html#environment-variables) for one evaluation.</summary>
internal readonly record struct FpEnvironment(JsonElement Resource, string ResourceType, JsonElement RootResource, string RootResourceType);
