using FhirOncology.Core.Security;

namespace FhirOncology.Core.Audit;

/// <summary>
/// The facts of one request under <c>[base]</c> the audit trail keeps (issue #5). The Api captures them when the
/// response is done — a few fields, cheap to build — and <see cref="AuditWriter"/> turns them into an AuditEvent in
/// the background.
/// </summary>
/// <param name="Recorded">When the response was complete.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Interaction">The restful-interaction code, or null when the request named no FHIR interaction (an unknown route).</param>
/// <param name="Status">The HTTP status sent.</param>
/// <param name="Caller">Who asked; null when the request carried no valid access token.</param>
/// <param name="RemoteAddress">The client's IP address as the connection shows it.</param>
/// <param name="BaseUrl">This server's FHIR base URL.</param>
/// <param name="RequestId">The client's X-Request-Id, or the server's trace identifier (what its logs carry).</param>
/// <param name="Target">The resource acted on, when the request named one.</param>
/// <param name="Query">The raw request of a search or conditional operation (AuditEvent.entity.query); never logged.</param>
/// <param name="QueryPatients">Patients the query names.</param>
public sealed record AuditRecord(
    DateTimeOffset Recorded,
    string Method,
    string? Interaction,
    int Status,
    Caller? Caller,
    string? RemoteAddress,
    string BaseUrl,
    string RequestId,
    AuditTarget? Target,
    string? Query,
    IReadOnlyList<string> QueryPatients);
