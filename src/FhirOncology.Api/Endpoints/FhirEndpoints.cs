using FhirOncology.Api.Formatting;
using FhirOncology.Api.Security;
using FhirOncology.Core.Capabilities;

namespace FhirOncology.Api.Endpoints;

public static class FhirEndpoints
{
    /// <summary>The RESTful API under <c>/fhir</c> (http.html#summary is the route table).</summary>
    public static IEndpointRouteBuilder MapFhirApi(this IEndpointRouteBuilder app)
    {
        // Every interaction needs a valid access token (issue #5); the CapabilityStatement is public (http.html#capabilities).
        var fhir = app.MapGroup(FhirBase.Path).RequireAuthorization();

        // Negotiate before the handler runs, so a bad _format or Accept fails before anything is read or written.
        fhir.AddEndpointFilter(async (invocation, next) =>
        {
            Negotiation.ResponseShape(invocation.HttpContext);
            return await next(invocation);
        });

        fhir.MapGet("/metadata", Metadata).AllowAnonymous();
        fhir.MapGet("/", SearchHandlers.SystemGetAsync);
        fhir.MapPost("/", BundleHandlers.ProcessAsync);
        fhir.MapPost("/_search", SearchHandlers.SystemPostAsync);
        fhir.MapGet("/_history", HistoryHandlers.SystemAsync);
        fhir.MapGet("/$reindex", ReindexHandlers.StatusAsync);
        fhir.MapPost("/$reindex", ReindexHandlers.StartAsync);
        fhir.MapGet("/{type}", SearchHandlers.TypeGetAsync);
        fhir.MapPost("/{type}/_search", SearchHandlers.TypePostAsync);
        fhir.MapPost("/{type}/$validate", ValidateHandlers.TypeAsync);
        fhir.MapPost("/{type}/{id}/$validate", ValidateHandlers.InstanceAsync);
        fhir.MapGet("/{type}/{id}/$validate", ValidateHandlers.StoredAsync);
        fhir.MapPost("/{type}", WriteHandlers.CreateAsync);
        fhir.MapPut("/{type}", WriteHandlers.ConditionalUpdateAsync);
        fhir.MapDelete("/{type}", WriteHandlers.ConditionalDeleteAsync);
        fhir.MapPatch("/{type}", PatchHandlers.ConditionalPatchAsync);
        fhir.MapGet("/{type}/_history", HistoryHandlers.TypeAsync);
        fhir.MapGet("/{type}/{id}", ReadHandlers.ReadAsync);
        fhir.MapPut("/{type}/{id}", WriteHandlers.UpdateAsync);
        fhir.MapDelete("/{type}/{id}", WriteHandlers.DeleteAsync);
        fhir.MapPatch("/{type}/{id}", PatchHandlers.PatchAsync);
        fhir.MapGet("/{type}/{id}/_history", HistoryHandlers.InstanceAsync);
        fhir.MapGet("/{type}/{id}/_history/{versionId}", ReadHandlers.VReadAsync);
        ConformanceHandlers.MapConformance(fhir); // our profiles, value sets, … at their canonical URLs
        OperationHandlers.MapOperations(fhir); // custom operations registered by the domain (IFhirOperation)
        return app;
    }

    internal static async Task<IResult> Metadata(HttpContext context, CapabilityStatementBuilder capabilities, SmartEndpoints smart, CancellationToken ct)
    {
        var endpoints = await smart.GetAsync(ct);
        return FhirResult.Resource(StatusCodes.Status200OK,
            capabilities.Build(FhirBase.Url(context), endpoints?.TokenEndpoint, endpoints?.AuthorizationEndpoint));
    }
}
