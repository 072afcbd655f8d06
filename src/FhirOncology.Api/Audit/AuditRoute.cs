using FhirOncology.Core.Audit;
using FhirOncology.Core.Interactions;
using FhirOncology.Core.Storage;

namespace FhirOncology.Api.Audit;

/// <summary>
/// The route a request matched, taken before the pipeline runs: the exception handler clears the endpoint and the
/// route values of a request that failed, and the audit record still needs them.
/// </summary>
internal sealed record AuditRoute(string? Interaction, string? Type, AuditTarget? Target, bool IsConditional)
{
    public static AuditRoute Capture(HttpContext context)
    {
        var interaction = context.GetEndpoint()?.Metadata.GetMetadata<AuditedInteraction>()?.Code;
        var values = context.Request.RouteValues;
        var type = values["type"] as string;
        var id = values["id"] as string;
        var target = type is not null && id is not null && IsTypeName(type) && ResourceService.IsValidId(id)
            ? new AuditTarget(new ResourceKey(type, id), int.TryParse(values["versionId"] as string, out var version) ? version : null)
            : null;
        return new AuditRoute(interaction, type is not null && IsTypeName(type) ? type : null, target,
            id is null && interaction is "update" or "delete" or "patch");
    }

    private static bool IsTypeName(string type) => type.Length is > 0 and <= 64 && char.IsAsciiLetterUpper(type[0]) && type.All(char.IsAsciiLetter);
}
