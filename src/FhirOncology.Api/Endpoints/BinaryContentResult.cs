using FhirOncology.Api.Formatting;
using FhirOncology.Core.Serialization;
using FhirOncology.Core.Storage;
using Hl7.Fhir.Model;
using Microsoft.Net.Http.Headers;

namespace FhirOncology.Api.Endpoints;

/// <summary>
/// A Binary served as its own content with its own Content-Type, for clients that did not ask for the FHIR
/// resource (binary.html#rest). The security context travels in <c>X-Security-Context</c>.
/// </summary>
internal sealed class BinaryContentResult(ResourceVersion version) : IResult
{
    public const string SecurityContextHeader = "X-Security-Context";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var serializer = httpContext.RequestServices.GetRequiredService<FhirSerializer>();
        var binary = (Binary)serializer.Parse(version.Json.Span, FhirFormat.Json);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        FhirResult.WriteVersionHeaders(response, version);
        response.Headers.Append(HeaderNames.Vary, HeaderNames.Accept);
        response.ContentType = string.IsNullOrEmpty(binary.ContentType) ? "application/octet-stream" : binary.ContentType;
        if (binary.SecurityContext?.Reference is { Length: > 0 } securityContext)
        {
            response.Headers[SecurityContextHeader] = securityContext;
        }

        var data = binary.Data ?? [];
        response.ContentLength = data.Length;
        await response.Body.WriteAsync(data, httpContext.RequestAborted);
    }
}
