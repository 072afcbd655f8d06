using FhirOncology.Api.Formatting;
using FhirOncology.Core.History;

namespace FhirOncology.Api.Endpoints;

/// <summary>History at system, type and instance level (http.html#history).</summary>
internal static class HistoryHandlers
{
    internal static Task<IResult> SystemAsync(HttpContext context, HistoryService history, CancellationToken ct) =>
        RespondAsync(context, history, null, null, ct);

    internal static Task<IResult> TypeAsync(string type, HttpContext context, HistoryService history, CancellationToken ct) =>
        RespondAsync(context, history, type, null, ct);

    internal static Task<IResult> InstanceAsync(string type, string id, HttpContext context, HistoryService history, CancellationToken ct) =>
        RespondAsync(context, history, type, id, ct);

    private static async Task<IResult> RespondAsync(HttpContext context, HistoryService history, string? type, string? id, CancellationToken ct)
    {
        var request = new HistoryRequest(
            type, id, FhirBase.Query(context, "_since"), FhirBase.Query(context, "_count"), FhirBase.Query(context, HistoryService.CursorParameter));
        var bundle = await history.ReadAsync(request, FhirBase.Url(context), ct);
        return FhirResult.Resource(StatusCodes.Status200OK, bundle);
    }
}
