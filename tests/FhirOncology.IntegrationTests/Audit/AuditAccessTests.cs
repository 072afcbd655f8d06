using System.Net;
using System.Text;
using FhirOncology.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;

namespace FhirOncology.IntegrationTests.Audit;

/// <summary>
/// Who may read the audit trail (issue #5): only a token with a scope naming AuditEvent (<c>*</c> does not), and
/// only the events of its own organisation's requests — not those of another organisation, even about a patient
/// both work on. Nobody can write, change or delete an AuditEvent through the API.
/// </summary>
public sealed class AuditAccessTests(AuditServerFactory factory) : IClassFixture<AuditServerFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<AuditEvent> RecordedAsync(HttpClient client, string uri)
    {
        var requestId = AuditTrail.NewRequestId();
        var response = await client.SendAsync(AuditTrail.Tagged(HttpMethod.Get, uri, requestId));
        await response.Content.ReadAsByteArrayAsync();
        return await factory.AuditEventForAsync(requestId);
    }

    [Fact]
    public async Task AuditEvents_AreSearchableAndReadableWithTheAuditScope()
    {
        var patient = await _client.CreatePatientAsync("audit-access-search");
        var recorded = await RecordedAsync(_client, $"/fhir/Patient/{patient.Id}");

        var read = await _client.GetAsync($"/fhir/AuditEvent/{recorded.Id}");
        var byPatient = await (await _client.GetAsync($"/fhir/AuditEvent?patient={patient.Id}&subtype=read")).ReadAsync<Bundle>();
        var byEntity = await (await _client.GetAsync($"/fhir/AuditEvent?entity=Patient/{patient.Id}/_history/1&outcome=0")).ReadAsync<Bundle>();

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("W/\"1\"", read.ETag());
        Assert.Equal(recorded.Id, (await read.ReadAsync<AuditEvent>()).Id);
        Assert.Contains(byPatient.Entry, e => e.Resource.Id == recorded.Id);
        Assert.Contains(byEntity.Entry, e => e.Resource.Id == recorded.Id);
    }

    [Fact]
    public async Task AuditEvents_WithoutAnAuditEventScope_Are403()
    {
        var recorded = await RecordedAsync(_client, "/fhir/metadata");
        var noAuditScope = factory.CreateClient(FhirServerFactory.DefaultClientId, "system/*.cruds");

        await (await noAuditScope.GetAsync("/fhir/AuditEvent")).AssertOutcomeAsync(HttpStatusCode.Forbidden, OperationOutcome.IssueType.Forbidden);
        await (await noAuditScope.GetAsync($"/fhir/AuditEvent/{recorded.Id}")).AssertOutcomeAsync(HttpStatusCode.Forbidden);
        await (await noAuditScope.GetAsync($"/fhir/AuditEvent/{recorded.Id}/_history")).AssertOutcomeAsync(HttpStatusCode.Forbidden);
        var systemSearch = await (await noAuditScope.GetAsync("/fhir?_type=AuditEvent")).ReadAsync<Bundle>();
        Assert.DoesNotContain(systemSearch.Entry, e => e.Resource is AuditEvent);
        var systemHistory = await (await noAuditScope.GetAsync("/fhir/_history?_count=1000")).ReadAsync<Bundle>();
        Assert.DoesNotContain(systemHistory.Entry, e => e.Resource is AuditEvent);
    }

    [Fact]
    public async Task AnotherOrganisation_SeesOnlyItsOwnEvents()
    {
        var ours = await RecordedAsync(_client, "/fhir/metadata");
        var otherAuditor = factory.CreateClient(AuditServerFactory.OtherClientId, "system/AuditEvent.rs");
        var theirs = await RecordedAsync(otherAuditor, "/fhir/metadata");

        var found = await (await otherAuditor.GetAsync("/fhir/AuditEvent?_count=1000")).ReadAsync<Bundle>();

        await (await otherAuditor.GetAsync($"/fhir/AuditEvent/{ours.Id}")).AssertOutcomeAsync(HttpStatusCode.NotFound);
        Assert.Contains(found.Entry, e => e.Resource.Id == theirs.Id);
        Assert.All(found.Entry.Select(e => e.Resource).OfType<AuditEvent>(),
            e => Assert.Equal(AuditServerFactory.OtherClientId, e.Agent[0].AltId));
    }

    [Fact]
    public async Task ReviewingOrganisation_SeesNotTheReferrersEventsAboutASharedPatient()
    {
        var patient = await _client.CreatePatientAsync("audit-shared-case");
        var task = new Hl7.Fhir.Model.Task
        {
            Status = Hl7.Fhir.Model.Task.TaskStatus.Requested,
            Intent = Hl7.Fhir.Model.Task.TaskIntent.Order,
            For = new ResourceReference("Patient/" + patient.Id),
            Owner = new ResourceReference("Organization/" + AuditServerFactory.ReviewerOrganization),
        };
        Assert.Equal(HttpStatusCode.Created, (await _client.PostAsync("/fhir/Task", FhirHttp.Json(task))).StatusCode);
        var reviewer = factory.CreateClient(AuditServerFactory.ReviewerClientId, "system/*.rs system/AuditEvent.rs");
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync($"/fhir/Patient/{patient.Id}")).StatusCode); // the case is shared
        var referrersRead = await RecordedAsync(_client, $"/fhir/Patient/{patient.Id}");
        var reviewersRead = await RecordedAsync(reviewer, $"/fhir/Patient/{patient.Id}");

        var found = await (await reviewer.GetAsync($"/fhir/AuditEvent?patient={patient.Id}")).ReadAsync<Bundle>();

        Assert.Contains(found.Entry, e => e.Resource.Id == reviewersRead.Id);
        Assert.DoesNotContain(found.Entry, e => e.Resource.Id == referrersRead.Id);
        await (await reviewer.GetAsync($"/fhir/AuditEvent/{referrersRead.Id}")).AssertOutcomeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnonymousEvents_AreReadableByNoClient()
    {
        var requestId = AuditTrail.NewRequestId();
        await factory.CreateAnonymousClient().SendAsync(AuditTrail.Tagged(HttpMethod.Get, "/fhir/Patient", requestId));
        await factory.AuditEventForAsync(requestId);

        var found = await (await _client.GetAsync("/fhir/AuditEvent?altid=anonymous")).ReadAsync<Bundle>();

        Assert.DoesNotContain(found.Entry, e => e.Resource is AuditEvent); // granted to no organisation: the operator reads them in the database
    }

    public static TheoryData<string, string, bool> Writes => new()
    {
        { "POST", "/fhir/AuditEvent", true },
        { "PUT", "/fhir/AuditEvent/{id}", true },
        { "PUT", "/fhir/AuditEvent/audit-new-id", true },
        { "PUT", "/fhir/AuditEvent?_id={id}", true },
        { "DELETE", "/fhir/AuditEvent/{id}", false },
        { "DELETE", "/fhir/AuditEvent/audit-unknown-id", false },
        { "DELETE", "/fhir/AuditEvent?_id={id}", false },
        { "DELETE", "/fhir/AuditEvent?_id=audit-unknown-id", false },
        { "PATCH", "/fhir/AuditEvent/{id}", false },
        { "PATCH", "/fhir/AuditEvent?_id=audit-unknown-id", false },
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task AuditEvents_CannotBeWrittenThroughTheApi_405(string method, string uri, bool withBody)
    {
        var recorded = await RecordedAsync(_client, "/fhir/metadata");
        var before = await (await _client.GetAsync($"/fhir/AuditEvent/{recorded.Id}")).Content.ReadAsStringAsync();
        uri = uri.Replace("{id}", recorded.Id, StringComparison.Ordinal);
        HttpContent? content = method == "PATCH"
            ? new StringContent("[{\"op\":\"replace\",\"path\":\"/outcomeDesc\",\"value\":\"HTTP 200\"}]", Encoding.UTF8, "application/json-patch+json")
            : withBody ? FhirHttp.Json(AuditEventBody(uri.Contains("audit-new-id", StringComparison.Ordinal) ? "audit-new-id" : recorded.Id)) : null;

        var response = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), uri) { Content = content });

        await response.AssertOutcomeAsync(HttpStatusCode.MethodNotAllowed, OperationOutcome.IssueType.NotSupported);
        Assert.Equal(before, await (await _client.GetAsync($"/fhir/AuditEvent/{recorded.Id}")).Content.ReadAsStringAsync());
        await (await _client.GetAsync("/fhir/AuditEvent/audit-new-id")).AssertOutcomeAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Bundle.BundleType.Transaction)]
    [InlineData(Bundle.BundleType.Batch)]
    public async Task AuditEvents_CannotBeDeletedInABundle(Bundle.BundleType type)
    {
        var recorded = await RecordedAsync(_client, "/fhir/metadata");
        var bundle = new Bundle { Type = type };
        bundle.Entry.Add(new Bundle.EntryComponent { Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.DELETE, Url = $"AuditEvent/{recorded.Id}" } });

        var response = await _client.PostAsync("/fhir", FhirHttp.Json(bundle));

        if (type == Bundle.BundleType.Transaction)
        {
            await response.AssertOutcomeAsync(HttpStatusCode.MethodNotAllowed);
        }
        else
        {
            Assert.StartsWith("405", (await response.ReadAsync<Bundle>()).Entry.Single().Response.Status, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/fhir/AuditEvent/{recorded.Id}")).StatusCode);
    }

    private static AuditEvent AuditEventBody(string id) => new()
    {
        Id = id,
        Type = new Coding("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest"),
        Recorded = DateTimeOffset.UtcNow,
        Agent = [new AuditEvent.AgentComponent { Requestor = true, Who = new ResourceReference { Display = "forger" } }],
        Source = new AuditEvent.SourceComponent { Observer = new ResourceReference { Display = "forger" } },
    };
}
