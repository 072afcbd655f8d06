using FhirOncology.Core.Audit;
using FhirOncology.Core.Storage;

namespace FhirOncology.Api.Audit;

/// <summary>
/// What handlers learn while answering that the audit record needs (kept in HttpContext.Items, which survive the
/// exception handler): the exact version a response is about, and whether a Bundle was a transaction or a batch.
/// </summary>
internal static class AuditFacts
{
    private const string TargetKey = "fhironcology.audit.target";
    private const string InteractionKey = "fhironcology.audit.interaction";

    public static void SetTarget(HttpContext context, ResourceVersion version) =>
        context.Items[TargetKey] = new AuditTarget(version.Key, version.VersionId);

    public static void SetInteraction(HttpContext context, string interaction) => context.Items[InteractionKey] = interaction;

    public static AuditTarget? Target(HttpContext context) => context.Items[TargetKey] as AuditTarget;

    public static string? Interaction(HttpContext context) => context.Items[InteractionKey] as string;
}
