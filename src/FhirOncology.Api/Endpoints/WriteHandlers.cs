using FhirOncology.Api.Formatting;
using FhirOncology.Core.Errors;
using FhirOncology.Core.Interactions;
using FhirOncology.Core.Serialization;
using FhirOncology.Core.Storage;
using Hl7.Fhir.Model;

namespace FhirOncology.Api.Endpoints;

/// <summary>create, update, delete and their conditional forms (http.html#create, #update, #delete, #ccreate, #cond-update, #cdelete).</summary>
internal static class WriteHandlers
{
    internal static async Task<IResult> CreateAsync(
        string type, HttpContext context, ResourceService resources, FhirSerializer serializer, ILogger<ResourceService> logger, CancellationToken ct)
    {
        resources.EnsureSupported(type);
        var resource = await ReadResourceAsync(context, type, id: null, serializer);
        var ifNoneExist = context.Request.Headers["If-None-Exist"].ToString();
        var result = await resources.CreateAsync(type, resource, ifNoneExist.Length == 0 ? null : ifNoneExist, ct);
        return WriteResponses.For(context, result, logger);
    }

    internal static async Task<IResult> UpdateAsync(
        string type, string id, HttpContext context, ResourceService resources, FhirSerializer serializer, ILogger<ResourceService> logger, CancellationToken ct)
    {
        resources.EnsureSupported(type);
        var resource = await ReadResourceAsync(context, type, id, serializer);
        var result = await resources.UpdateAsync(type, id, resource, Preconditions.IfMatchVersion(context.Request), ct);
        return WriteResponses.For(context, result, logger);
    }

    internal static async Task<IResult> ConditionalUpdateAsync(
        string type, HttpContext context, ResourceService resources, FhirSerializer serializer, ILogger<ResourceService> logger, CancellationToken ct)
    {
        resources.EnsureSupported(type);
        var resource = await ReadResourceAsync(context, type, id: null, serializer);
        var result = await resources.ConditionalUpdateAsync(
            type, FhirBase.QueryPairs(context), resource, Preconditions.IfMatchVersion(context.Request), ct);
        return WriteResponses.For(context, result, logger);
    }

    internal static async Task<IResult> DeleteAsync(
        string type, string id, HttpContext context, ResourceService resources, ILogger<ResourceService> logger, CancellationToken ct) =>
        WriteResponses.For(context, await resources.DeleteAsync(type, id, ct), logger);

    internal static async Task<IResult> ConditionalDeleteAsync(
        string type, HttpContext context, ResourceService resources, ILogger<ResourceService> logger, CancellationToken ct) =>
        WriteResponses.For(context, await resources.ConditionalDeleteAsync(type, FhirBase.QueryPairs(context), ct), logger);

    /// <summary>
    /// The body as a resource. A Binary may arrive as its raw content with its own Content-Type instead
    /// (binary.html#rest); it is wrapped in a Binary resource.
    /// </summary>
    private static async Task<Resource> ReadResourceAsync(HttpContext context, string type, string? id, FhirSerializer serializer)
    {
        var request = context.Request;
        if (type == "Binary" && FhirMediaTypes.Parse(request.ContentType) is null)
        {
            var binary = new Binary
            {
                Id = id,
                ContentType = string.IsNullOrEmpty(request.ContentType) ? "application/octet-stream" : request.ContentType,
                Data = await RequestBody.ReadAsync(context),
            };
            if (request.Headers[BinaryContentResult.SecurityContextHeader].ToString() is { Length: > 0 } securityContext)
            {
                binary.SecurityContext = new ResourceReference(securityContext);
            }

            return binary;
        }

        var format = Negotiation.RequestFormat(request);
        return serializer.Parse(await RequestBody.ReadAsync(context), format);
    }
}
