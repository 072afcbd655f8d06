using FhirOncology.Api.Audit;
using FhirOncology.Api.Formatting;
using FhirOncology.Core.Serialization;
using FhirOncology.Core.Transactions;
using Hl7.Fhir.Model;

namespace FhirOncology.Api.Endpoints;

/// <summary><c>POST [base]</c>: transaction and batch Bundles (http.html#transaction).</summary>
internal static class BundleHandlers
{
    internal static async Task<IResult> ProcessAsync(HttpContext context, BundleService bundles, FhirSerializer serializer, CancellationToken ct)
    {
        var body = serializer.Parse(await RequestBody.ReadAsync(context), Negotiation.RequestFormat(context.Request));
        AuditFacts.SetInteraction(context, body is Bundle { Type: Bundle.BundleType.Batch } ? "batch" : "transaction");
        var representation = PreferHeader.Return(context.Request) != PreferReturn.Minimal;
        var response = await bundles.ProcessAsync(body, FhirBase.Url(context), representation, ct);
        return FhirResult.Resource(StatusCodes.Status200OK, response);
    }
}
