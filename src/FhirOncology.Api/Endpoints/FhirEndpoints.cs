using FhirOncology.Api.Audit;
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

        // Each route names its interaction (restful-interaction, http.html) for the audit trail.
        fhir.MapGet("/metadata", Metadata).AllowAnonymous().Audited("capabilities");
        fhir.MapGet("/", SearchHandlers.SystemGetAsync).Audited("search-system");
        fhir.MapPost("/", BundleHandlers.ProcessAsync).Audited("transaction"); // or batch: the handler says which
        fhir.MapPost("/_search", SearchHandlers.SystemPostAsync).Audited("search-system");
        fhir.MapGet("/_history", HistoryHandlers.SystemAsync).Audited("history-system");
        fhir.MapGet("/$reindex", ReindexHandlers.StatusAsync).Audited("operation");
        fhir.MapPost("/$reindex", ReindexHandlers.StartAsync).Audited("operation");
        fhir.MapGet("/$verify-audit-chain", AuditChainHandlers.VerifyAsync).Audited("operation");
        fhir.MapPost("/$verify-audit-chain", AuditChainHandlers.VerifyAsync).Audited("operation");
        fhir.MapGet("/{type}", SearchHandlers.TypeGetAsync).Audited("search-type");
        fhir.MapPost("/{type}/_search", SearchHandlers.TypePostAsync).Audited("search-type");
        fhir.MapPost("/{type}/$validate", ValidateHandlers.TypeAsync).Audited("operation");
        fhir.MapPost("/{type}/{id}/$validate", ValidateHandlers.InstanceAsync).Audited("operation");
        fhir.MapGet("/{type}/{id}/$validate", ValidateHandlers.StoredAsync).Audited("operation");
        fhir.MapPost("/{type}", WriteHandlers.CreateAsync).Audited("create");
        fhir.MapPut("/{type}", WriteHandlers.ConditionalUpdateAsync).Audited("update");
        fhir.MapDelete("/{type}", WriteHandlers.ConditionalDeleteAsync).Audited("delete");
        fhir.MapPatch("/{type}", PatchHandlers.ConditionalPatchAsync).Audited("patch");
        fhir.MapGet("/{type}/_history", HistoryHandlers.TypeAsync).Audited("history-type");
        fhir.MapGet("/{type}/{id}", ReadHandlers.ReadAsync).Audited("read");
        fhir.MapPut("/{type}/{id}", WriteHandlers.UpdateAsync).Audited("update");
        fhir.MapDelete("/{type}/{id}", WriteHandlers.DeleteAsync).Audited("delete");
        fhir.MapPatch("/{type}/{id}", PatchHandlers.PatchAsync).Audited("patch");
        fhir.MapGet("/{type}/{id}/_history", HistoryHandlers.InstanceAsync).Audited("history-instance");
        fhir.MapGet("/{type}/{id}/_history/{versionId}", ReadHandlers.VReadAsync).Audited("vread");
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
