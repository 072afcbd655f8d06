namespace FhirOncology.Api.Audit;

internal static class AuditEndpointExtensions
{
    /// <summary>Names the FHIR interaction an endpoint performs, for its AuditEvent's subtype.</summary>
    public static TBuilder Audited<TBuilder>(this TBuilder builder, string interaction) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AuditedInteraction(interaction));
}
