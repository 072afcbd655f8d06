using System.Net;
using FhirOncology.Core;
using FhirOncology.Core.Errors;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;

namespace FhirOncology.Api.Formatting;

/// <summary>Reads a request body up to the configured limit (<c>Fhir:MaxRequestBodyBytes</c>); beyond it, 413.</summary>
internal static class RequestBody
{
    public static async Task<byte[]> ReadAsync(HttpContext context)
    {
        var limit = context.RequestServices.GetRequiredService<IOptions<FhirOptions>>().Value.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw TooLarge(limit);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static FhirException TooLarge(long limit) =>
        new(HttpStatusCode.RequestEntityTooLarge, OperationOutcome.IssueType.TooLong,
            $"The request body is larger than this server accepts ({limit} bytes).");
}
