using FhirOncology.Api.Formatting;
using FhirOncology.Core.Capabilities;

namespace FhirOncology.Api.Endpoints;

public static class FhirEndpoints
{
    /// <summary>The RESTful API under <c>/fhir</c> (http.html#summary is the route table).</summary>
    public static IEndpointRouteBuilder MapFhirApi(this IEndpointRouteBuilder app)
    {
        var fhir = app.MapGroup(FhirBase.Path);

        // Negotiate before the handler runs, so a bad _format or Accept fails before anything is read or written.
        fhir.AddEndpointFilter(async (invocation, next) =>
        {
            Negotiation.ResponseShape(invocation.HttpContext);
            return await next(invocation);
        });

        fhir.MapGet("/metadata", Metadata);
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
        return app;
    }

    internal static IResult Metadata(HttpContext context, CapabilityStatementBuilder capabilities) =>
        FhirResult.Resource(StatusCodes.Status200OK, capabilities.Build(FhirBase.Url(context)));
}
