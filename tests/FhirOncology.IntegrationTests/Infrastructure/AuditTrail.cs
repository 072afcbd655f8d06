using FhirOncology.Api.Audit;
using FhirOncology.Core.Storage;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace FhirOncology.IntegrationTests.Infrastructure;

/// <summary>
/// Reads what the audit trail wrote. Records are written in the background after each response, so these helpers
/// wait for the queue to drain (or for an expected record) instead of assuming it has happened.
/// </summary>
public static class AuditTrail
{
    private const string RequestIdType = "XrequestId";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60); // generous: the test machine may be busy
    private static readonly FhirJsonDeserializer Parser = new();

    /// <summary>Waits until every audit record queued so far is committed.</summary>
    public static async Task WaitForAuditAsync(this FhirServerFactory factory)
    {
        var queue = factory.Services.GetRequiredService<AuditQueue>();
        var deadline = DateTime.UtcNow + Timeout;
        while (queue.Pending > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The audit queue did not drain in time.");
            await Task.Delay(20);
        }
    }

    /// <summary>Every entry of the audit log, in sequence order.</summary>
    public static async Task<IReadOnlyList<AuditLogEntry>> ReadAuditLogAsync(this FhirServerFactory factory)
    {
        await factory.WaitForAuditAsync();
        var store = factory.Services.GetRequiredService<IAuditLogStore>();
        var entries = new List<AuditLogEntry>();
        for (var after = 0L; ;)
        {
            var page = await store.ReadAsync(after, 1000, CancellationToken.None);
            if (page.Count == 0)
            {
                return entries;
            }

            entries.AddRange(page);
            after = page[^1].Sequence;
        }
    }

    /// <summary>The AuditEvent of the request sent with <c>X-Request-Id: requestId</c>, waiting for it to be written.</summary>
    public static async Task<AuditEvent> AuditEventForAsync(this FhirServerFactory factory, string requestId)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var match = (await factory.ReadAuditLogAsync()).Select(Parse).Where(e => RequestId(e) == requestId).ToList();
            if (match.Count > 0)
            {
                return Assert.Single(match);
            }

            Assert.True(DateTime.UtcNow < deadline, $"No AuditEvent for request {requestId}.");
            await Task.Delay(50);
        }
    }

    public static AuditEvent Parse(AuditLogEntry entry) => Parser.Deserialize<AuditEvent>(System.Text.Encoding.UTF8.GetString(entry.Json.Span));

    public static string? RequestId(AuditEvent auditEvent) =>
        auditEvent.Entity.FirstOrDefault(e => e.Type?.Code == RequestIdType)?.What?.Identifier?.Value;

    /// <summary>A client whose every request carries <c>X-Request-Id</c>, so its AuditEvents can be found.</summary>
    public static HttpRequestMessage Tagged(HttpMethod method, string uri, string requestId, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, uri) { Content = content };
        request.Headers.Add("X-Request-Id", requestId);
        return request;
    }

    public static string NewRequestId() => "audit-test-" + Guid.NewGuid().ToString("N");
}
