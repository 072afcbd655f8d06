using FhirOncology.Core.Errors;
using FhirOncology.Core.Serialization;
using Hl7.Fhir.Model;

namespace FhirOncology.Core.Patch;

/// <summary>
/// The patch carried by a transaction entry (http.html#patch in bundles): a Parameters resource is a FHIRPath
/// Patch; a Binary with content type application/json-patch+json carries a JSON Patch.
/// </summary>
public static class PatchDocuments
{
    public const string JsonPatchMediaType = "application/json-patch+json";

    public static IPatch FromEntryResource(Resource? resource, FhirSerializer serializer) => resource switch
    {
        Parameters parameters => new FhirPathPatch(parameters),
        Binary { ContentType: JsonPatchMediaType, Data: { } data } => JsonPatch.Parse(data, serializer),
        _ => throw FhirException.BadRequest($"A PATCH entry carries a Parameters resource (FHIRPath Patch) or a Binary of {JsonPatchMediaType}."),
    };
}
