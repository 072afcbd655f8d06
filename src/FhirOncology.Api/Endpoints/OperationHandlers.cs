using FhirOncology.Api.Formatting;
using System.Net;
using FhirOncology.Api.Audit;
using FhirOncology.Core.Errors;
using FhirOncology.Core.Operations;
using Hl7.Fhir.Model;
using FhirOncology.Core.Serialization;

namespace FhirOncology.Api.Endpoints;

/// <summary>
/// Custom operations at the three levels (operations.html#executing): <c>POST</c> with a Parameters (or resource)
/// body, or <c>GET</c> with URL parameters for operations that change nothing. The name segment must start with '$'.
/// </summary>
internal static class OperationHandlers
{
    // Where another interaction shares the shape (GET [base]/Type, POST [base]/Type, GET [base]/Type/id) the route is
    // constrained to '$' names; elsewhere it is not, so that e.g. POST [base]/Type/id still answers 405, not 404.
    public static void MapOperations(RouteGroupBuilder fhir)
    {
        fhir.MapMethods("/{operation:fhiroperation}", ["GET", "POST"], SystemAsync).Audited("operation");
        fhir.MapGet("/{type}/{operation:fhiroperation}", TypeAsync).Audited("operation");
        fhir.MapPost("/{type}/{operation}", TypeAsync).Audited("operation");
        fhir.MapMethods("/{type}/{id}/{operation}", ["GET", "POST"], InstanceAsync).Audited("operation");
    }

    internal static Task<IResult> SystemAsync(string operation, HttpContext context, OperationRegistry registry, FhirSerializer serializer, CancellationToken ct) =>
        InvokeAsync(operation, OperationLevel.System, null, null, context, registry, serializer, ct);

    internal static Task<IResult> TypeAsync(string type, string operation, HttpContext context, OperationRegistry registry, FhirSerializer serializer, CancellationToken ct) =>
        InvokeAsync(operation, OperationLevel.Type, type, null, context, registry, serializer, ct);

    internal static Task<IResult> InstanceAsync(string type, string id, string operation, HttpContext context, OperationRegistry registry, FhirSerializer serializer, CancellationToken ct) =>
        InvokeAsync(operation, OperationLevel.Instance, type, id, context, registry, serializer, ct);

    private static async Task<IResult> InvokeAsync(
        string operation, OperationLevel level, string? type, string? id, HttpContext context, OperationRegistry registry, FhirSerializer serializer, CancellationToken ct)
    {
        var isGet = HttpMethods.IsGet(context.Request.Method);
        if (!operation.StartsWith('$'))
        {
            throw isGet
                ? new FhirException(HttpStatusCode.NotFound, OperationOutcome.IssueType.NotFound, $"No FHIR interaction at {context.Request.Path}.")
                : new FhirException(HttpStatusCode.MethodNotAllowed, OperationOutcome.IssueType.NotSupported,
                    $"{context.Request.Method} is not supported on {context.Request.Path}; see [base]/metadata for what is.");
        }

        var handler = registry.Resolve(operation[1..], level, type, isGet);
        var body = isGet || context.Request.ContentLength == 0
            ? null
            : serializer.Parse(await RequestBody.ReadAsync(context), Negotiation.RequestFormat(context.Request));
        var query = context.Request.Query.SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? ""))).ToList();
        var result = await handler.ExecuteAsync(new OperationRequest(type, id, body, query, FhirBase.Url(context), isGet), ct);
        return FhirResult.Resource(result.Status, result.Resource);
    }
}
