using FhirOncology.Api.Formatting;
using FhirOncology.Core.Interactions;
using FhirOncology.Core.Storage;

namespace FhirOncology.Api.Endpoints;

/// <summary>read and vread (http.html#read, #vread), with conditional read headers (http.html#cread).</summary>
internal static class ReadHandlers
{
    internal static async Task<IResult> ReadAsync(string type, string id, HttpContext context, ResourceService resources, CancellationToken ct) =>
        Respond(context, await resources.ReadAsync(type, id, ct));

    internal static async Task<IResult> VReadAsync(
        string type, string id, string versionId, HttpContext context, ResourceService resources, CancellationToken ct) =>
        Respond(context, await resources.VReadAsync(type, id, versionId, ct));

    private static IResult Respond(HttpContext context, ResourceVersion version)
    {
        if (Preconditions.IsNotModified(context.Request, version))
        {
            return FhirResult.Empty(StatusCodes.Status304NotModified, version);
        }

        return version.Key.Type == "Binary" && !Negotiation.WantsFhirResource(context.Request)
            ? new BinaryContentResult(version)
            : FhirResult.Version(StatusCodes.Status200OK, version);
    }
}
