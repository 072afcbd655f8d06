namespace FhirOncology.Api.Audit;

/// <summary>Endpoint metadata: the restful-interaction code (http.html) the audit record gives requests to the endpoint.</summary>
internal sealed record AuditedInteraction(string Code);
