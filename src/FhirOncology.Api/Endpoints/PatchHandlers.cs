using System.Net;
using FhirOncology.Api.Formatting;
using FhirOncology.Core.Errors;
using FhirOncology.Core.Interactions;
using FhirOncology.Core.Patch;
using FhirOncology.Core.Serialization;
using Hl7.Fhir.Model;

namespace FhirOncology.Api.Endpoints;

/// <summary>
/// PATCH (http.html#patch): JSON Patch as <c>application/json-patch+json</c>, FHIRPath Patch as a Parameters
/// resource in FHIR JSON or XML; on an instance or, conditionally, on <c>[type]?criteria</c>.
/// </summary>
internal static class PatchHandlers
{
    internal static async Task<IResult> PatchAsync(
        string type, string id, HttpContext context, ResourceService resources, FhirSerializer serializer, ILogger<ResourceService> logger, CancellationToken ct)
    {
        resources.EnsureSupported(type);
        var patch = await ReadPatchAsync(context, serializer);
        var result = await resources.PatchAsync(type, id, patch, Preconditions.IfMatchVersion(context.Request), ct);
        return WriteResponses.For(context, result, logger);
    }

    internal static async Task<IResult> ConditionalPatchAsync(
        string type, HttpContext context, ResourceService resources, FhirSerializer serializer, ILogger<ResourceService> logger, CancellationToken ct)
    {
        resources.EnsureSupported(type);
        var patch = await ReadPatchAsync(context, serializer);
        var result = await resources.ConditionalPatchAsync(type, FhirBase.QueryPairs(context), patch, Preconditions.IfMatchVersion(context.Request), ct);
        return WriteResponses.For(context, result, logger);
    }

    private static async Task<IPatch> ReadPatchAsync(HttpContext context, FhirSerializer serializer)
    {
        var contentType = context.Request.ContentType ?? "";
        if (contentType.StartsWith(PatchDocuments.JsonPatchMediaType, StringComparison.OrdinalIgnoreCase))
        {
            return JsonPatch.Parse(await RequestBody.ReadAsync(context), serializer);
        }

        if (FhirMediaTypes.Parse(contentType) is { } format)
        {
            return serializer.Parse(await RequestBody.ReadAsync(context), format) is Parameters parameters
                ? new FhirPathPatch(parameters)
                : throw FhirException.BadRequest("A FHIRPath Patch body is a Parameters resource.");
        }

        throw new FhirException(HttpStatusCode.UnsupportedMediaType, OperationOutcome.IssueType.NotSupported,
            $"PATCH takes {PatchDocuments.JsonPatchMediaType} (JSON Patch) or a FHIR Parameters resource (FHIRPath Patch).");
    }
}
