using FhirOncology.Api.Formatting;
using FhirOncology.Core.Serialization;
using Hl7.Fhir.Model;

namespace FhirOncology.Api.Errors;

/// <summary>Writes an OperationOutcome error response in the negotiated format (JSON when negotiation failed).</summary>
internal static class OperationOutcomeWriter
{
    public static async Task WriteAsync(HttpContext context, int status, OperationOutcome outcome)
    {
        var shape = Negotiation.ShapeForErrors(context);
        var serializer = context.RequestServices.GetRequiredService<FhirSerializer>();
        var bytes = serializer.ToBytes(outcome, shape.Format, shape.Pretty);
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = shape.ContentType;
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, context.RequestAborted);
    }
}
