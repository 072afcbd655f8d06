using FhirOncology.Api.Formatting;
using FhirOncology.Core.Errors;
using FhirOncology.Core.Interactions;
using FhirOncology.Core.Serialization;
using FhirOncology.Core.Storage;
using Hl7.Fhir.Model;

namespace FhirOncology.Api.Endpoints;

/// <summary>create, update, delete and their conditional forms (http.html#create, #update, #delete, #ccreate, #cond-update, #cdelete).</summary>
internal static partial class WriteHandlers
{
    internal static async Task<IResult> CreateAsync(
        string type, HttpContext context, ResourceService resources, FhirSerializer serializer, ILogger<ResourceService> logger, CancellationToken ct)
    {
        resources.EnsureSupported(type);
        var resource = await ReadResourceAsync(context, type, id: null, serializer);
        var ifNoneExist = context.Request.Headers["If-None-Exist"].ToString();
        var result = await resources.CreateAsync(type, resource, ifNoneExist.Length == 0 ? null : ifNoneExist, ct);
        return Respond(context, result, logger);
    }

    internal static async Task<IResult> UpdateAsync(
        string type, string id, HttpContext context, ResourceService resources, FhirSerializer serializer, ILogger<ResourceService> logger, CancellationToken ct)
    {
        resources.EnsureSupported(type);
        var resource = await ReadResourceAsync(context, type, id, serializer);
        var result = await resources.UpdateAsync(type, id, resource, Preconditions.IfMatchVersion(context.Request), ct);
        return Respond(context, result, logger);
    }

    internal static async Task<IResult> ConditionalUpdateAsync(
        string type, HttpContext context, ResourceService resources, FhirSerializer serializer, ILogger<ResourceService> logger, CancellationToken ct)
    {
        resources.EnsureSupported(type);
        var resource = await ReadResourceAsync(context, type, id: null, serializer);
        var result = await resources.ConditionalUpdateAsync(
            type, Criteria(context), resource, Preconditions.IfMatchVersion(context.Request), ct);
        return Respond(context, result, logger);
    }

    internal static async Task<IResult> DeleteAsync(
        string type, string id, HttpContext context, ResourceService resources, ILogger<ResourceService> logger, CancellationToken ct) =>
        Respond(context, await resources.DeleteAsync(type, id, ct), logger);

    internal static async Task<IResult> ConditionalDeleteAsync(
        string type, HttpContext context, ResourceService resources, ILogger<ResourceService> logger, CancellationToken ct) =>
        Respond(context, await resources.ConditionalDeleteAsync(type, Criteria(context), ct), logger);

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

    private static IEnumerable<KeyValuePair<string, string>> Criteria(HttpContext context) =>
        context.Request.Query.SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string>(pair.Key, value ?? "")));

    private static FhirResult Respond(HttpContext context, WriteResult result, ILogger logger)
    {
        if (result.Version is { } written)
        {
            LogWrite(logger, written.Key.Type, written.Key.Id, written.VersionId, result.Outcome);
        }

        if (result.Outcome is WriteOutcome.Deleted or WriteOutcome.NothingToDelete)
        {
            return FhirResult.Empty(StatusCodes.Status204NoContent, result.Outcome == WriteOutcome.Deleted ? result.Version : null);
        }

        var version = result.Version!;
        var status = result.Outcome == WriteOutcome.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK;
        var response = PreferHeader.Return(context.Request) switch
        {
            PreferReturn.Minimal => FhirResult.Empty(status, version),
            PreferReturn.OperationOutcome => FhirResult.Resource(status, Outcome(result), version),
            _ => FhirResult.Version(status, version),
        };
        return result.Outcome is WriteOutcome.Created or WriteOutcome.Existing
            ? response.WithLocation($"{FhirBase.Url(context)}/{version.Key.Type}/{version.Key.Id}/_history/{version.VersionId}")
            : response;
    }

    private static OperationOutcome Outcome(WriteResult result)
    {
        var version = result.Version!;
        var verb = result.Outcome switch
        {
            WriteOutcome.Created => "Created",
            WriteOutcome.Existing => "Matched existing",
            _ => "Updated",
        };
        return FhirIssue.ToOperationOutcome([new FhirIssue(OperationOutcome.IssueSeverity.Information, OperationOutcome.IssueType.Informational,
            $"{verb} {version.Key.Type}/{version.Key.Id} version {version.VersionId}.")]);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Write {Type}/{Id} version {Version}: {Outcome}")]
    private static partial void LogWrite(ILogger logger, string type, string id, int version, WriteOutcome outcome);
}
