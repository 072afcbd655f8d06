using System.Net;
using System.Text;
using FhirOncology.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;

namespace FhirOncology.IntegrationTests.Audit;

/// <summary>
/// Every request under [base] leaves an AuditEvent in IHE BALP style (issue #5): what the client did, who it was,
/// for which organisation, from where, on what, and how it ended — refused requests included.
/// </summary>
public sealed class AuditRecordingTests(AuditServerFactory factory) : IClassFixture<AuditServerFactory>
{
    private const string Interaction = "http://hl7.org/fhir/restful-interaction";
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<(HttpResponseMessage Response, AuditEvent Event)> SendAsync(
        HttpClient client, HttpMethod method, string uri, HttpContent? content = null)
    {
        var requestId = AuditTrail.NewRequestId();
        var response = await client.SendAsync(AuditTrail.Tagged(method, uri, requestId, content));
        await response.Content.ReadAsByteArrayAsync();
        return (response, await factory.AuditEventForAsync(requestId));
    }

    private static IEnumerable<string?> Entities(AuditEvent auditEvent, string role) =>
        auditEvent.Entity.Where(e => e.Role?.Code == role).Select(e => e.What?.Reference);

    [Fact]
    public async Task Read_RecordsTheClientTheVersionAndThePatient()
    {
        var patient = await _client.CreatePatientAsync("audit-read");

        var (response, auditEvent) = await SendAsync(_client, HttpMethod.Get, $"/fhir/Patient/{patient.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("rest", auditEvent.Type.Code);
        Assert.Equal("http://terminology.hl7.org/CodeSystem/audit-event-type", auditEvent.Type.System);
        var subtype = Assert.Single(auditEvent.Subtype);
        Assert.Equal((Interaction, "read"), (subtype.System, subtype.Code));
        Assert.Equal(AuditEvent.AuditEventAction.R, auditEvent.Action);
        Assert.Equal(AuditEvent.AuditEventOutcome.N0, auditEvent.Outcome);
        Assert.Equal("HTTP 200", auditEvent.OutcomeDesc);
        Assert.NotNull(auditEvent.Recorded);

        var client = Assert.Single(auditEvent.Agent);
        Assert.Equal(("https://fhironcology.org/fhir/sid/client-id", FhirServerFactory.DefaultClientId), (client.Who.Identifier.System, client.Who.Identifier.Value));
        Assert.True(client.Requestor);
        Assert.Equal(FhirServerFactory.DefaultClientId, client.AltId);
        Assert.Equal(AuditServerFactory.ClientAddress.ToString(), client.Network.Address);
        Assert.Equal(AuditEvent.AuditEventAgentNetworkType.N2, client.Network.Type);
        var onBehalfOf = Assert.Single(client.Extension);
        Assert.Equal("Organization/" + FhirServerFactory.DefaultOrganization, ((ResourceReference)onBehalfOf.Value).Reference);

        Assert.Equal("FhirOncology FHIR server", auditEvent.Source.Observer.Display);
        Assert.Equal("http://localhost/fhir", auditEvent.Source.Site);
        Assert.Equal([$"Patient/{patient.Id}/_history/1"], Entities(auditEvent, "4"));
        Assert.Equal([$"Patient/{patient.Id}"], Entities(auditEvent, "1"));
    }

    [Fact]
    public async Task RecordedEvents_AreValidAgainstTheBaseProfile()
    {
        var (_, search) = await SendAsync(_client, HttpMethod.Get, "/fhir/Observation?patient=audit-valid&status=final");
        var (_, refused) = await SendAsync(_client, HttpMethod.Get, "/fhir/Observation/audit-valid-missing");

        foreach (var auditEvent in new[] { search, refused })
        {
            var outcome = await (await _client.GetAsync($"/fhir/AuditEvent/{auditEvent.Id}/$validate")).ReadAsync<OperationOutcome>();
            Assert.DoesNotContain(outcome.Issue, issue => issue.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal);
        }
    }

    [Fact]
    public async Task Create_RecordsTheWrittenVersionAndItsPatientCase()
    {
        var patient = await _client.CreatePatientAsync("audit-create");
        var observation = new Observation
        {
            Status = ObservationStatus.Final,
            Code = new CodeableConcept("http://loinc.org", "8480-6"),
            Subject = new ResourceReference("Patient/" + patient.Id),
        };

        var (response, auditEvent) = await SendAsync(_client, HttpMethod.Post, "/fhir/Observation", FhirHttp.Json(observation));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadAsync<Observation>();
        Assert.Equal("create", Assert.Single(auditEvent.Subtype).Code);
        Assert.Equal(AuditEvent.AuditEventAction.C, auditEvent.Action);
        Assert.Equal("HTTP 201", auditEvent.OutcomeDesc);
        Assert.Equal([$"Observation/{created.Id}/_history/1"], Entities(auditEvent, "4"));
        Assert.Equal([$"Patient/{patient.Id}"], Entities(auditEvent, "1"));
    }

    [Fact]
    public async Task Search_RecordsTheRawQueryAndThePatientItNames()
    {
        const string query = "/fhir/Observation?subject=Patient/audit-search-patient&code=http://loinc.org|8480-6";

        var (response, auditEvent) = await SendAsync(_client, HttpMethod.Get, query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("search-type", Assert.Single(auditEvent.Subtype).Code);
        Assert.Equal(AuditEvent.AuditEventAction.E, auditEvent.Action);
        var queryEntity = Assert.Single(auditEvent.Entity, e => e.Role?.Code == "24");
        Assert.Equal("GET /fhir/Observation?subject=Patient/audit-search-patient&code=http://loinc.org%7C8480-6", Encoding.UTF8.GetString(queryEntity.Query));
        Assert.Equal(["Patient/audit-search-patient"], Entities(auditEvent, "1"));
    }

    [Fact]
    public async Task PostSearch_RecordsTheFormParameters()
    {
        var form = new FormUrlEncodedContent([new("patient", "audit-form-patient"), new("status", "final")]);

        var (response, auditEvent) = await SendAsync(_client, HttpMethod.Post, "/fhir/Observation/_search", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("search-type", Assert.Single(auditEvent.Subtype).Code);
        var queryEntity = Assert.Single(auditEvent.Entity, e => e.Role?.Code == "24");
        Assert.Equal("POST /fhir/Observation/_search\n\npatient=audit-form-patient&status=final", Encoding.UTF8.GetString(queryEntity.Query));
        Assert.Equal(["Patient/audit-form-patient"], Entities(auditEvent, "1"));
    }

    [Fact]
    public async Task Batch_IsRecordedAsBatch()
    {
        var batch = new Bundle { Type = Bundle.BundleType.Batch };
        batch.Entry.Add(new Bundle.EntryComponent { Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.GET, Url = "Patient?_count=1" } });

        var (response, auditEvent) = await SendAsync(_client, HttpMethod.Post, "/fhir", FhirHttp.Json(batch));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("batch", Assert.Single(auditEvent.Subtype).Code);
        Assert.Equal(AuditEvent.AuditEventAction.E, auditEvent.Action);
    }

    [Fact]
    public async Task NoToken_401_IsRecordedWithAnAnonymousAgent()
    {
        var (response, auditEvent) = await SendAsync(factory.CreateAnonymousClient(), HttpMethod.Get, "/fhir/Patient/audit-anonymous");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("read", Assert.Single(auditEvent.Subtype).Code);
        Assert.Equal(AuditEvent.AuditEventOutcome.N4, auditEvent.Outcome);
        Assert.Equal("HTTP 401", auditEvent.OutcomeDesc);
        var agent = Assert.Single(auditEvent.Agent);
        Assert.Equal("anonymous", agent.Who.Display);
        Assert.Null(agent.Who.Identifier);
        Assert.Equal("anonymous", agent.AltId);
        Assert.Empty(agent.Extension);
        Assert.Equal(AuditServerFactory.ClientAddress.ToString(), agent.Network.Address);
    }

    [Fact]
    public async Task InvalidToken_401_IsRecordedAsAnonymous()
    {
        var forged = TestIssuer.Shared.CreateToken(FhirServerFactory.DefaultClientId, FhirServerFactory.DefaultScopes,
            configure: d => d.SigningCredentials = new(TestIssuer.Shared.UnknownKey, Microsoft.IdentityModel.Tokens.SecurityAlgorithms.RsaSha256));

        var (response, auditEvent) = await SendAsync(factory.CreateClient(forged), HttpMethod.Get, "/fhir/Patient");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("anonymous", Assert.Single(auditEvent.Agent).AltId); // a token that fails validation names nobody
    }

    [Fact]
    public async Task Forbidden_403_IsRecordedWithTheClient()
    {
        var noAuditScope = factory.CreateClient(FhirServerFactory.DefaultClientId, "system/*.cruds");

        var (response, auditEvent) = await SendAsync(noAuditScope, HttpMethod.Get, "/fhir/AuditEvent");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("search-type", Assert.Single(auditEvent.Subtype).Code);
        Assert.Equal(AuditEvent.AuditEventOutcome.N4, auditEvent.Outcome);
        Assert.Equal("HTTP 403", auditEvent.OutcomeDesc);
        Assert.Equal(FhirServerFactory.DefaultClientId, Assert.Single(auditEvent.Agent).AltId);
    }

    [Fact]
    public async Task NotFound_404_IsRecordedWithWhatWasAskedFor()
    {
        var (response, auditEvent) = await SendAsync(_client, HttpMethod.Get, "/fhir/Observation/audit-missing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(AuditEvent.AuditEventOutcome.N4, auditEvent.Outcome);
        Assert.Equal("HTTP 404", auditEvent.OutcomeDesc);
        Assert.Equal(["Observation/audit-missing"], Entities(auditEvent, "4"));
        Assert.Empty(Entities(auditEvent, "1"));
    }

    [Fact]
    public async Task UnknownRoute_IsRecordedWithoutSubtype()
    {
        var (response, auditEvent) = await SendAsync(_client, HttpMethod.Get, "/fhir/Patient/a/b/c/d");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(auditEvent.Subtype);
        Assert.Equal(AuditEvent.AuditEventAction.R, auditEvent.Action);
        Assert.Equal("HTTP 404", auditEvent.OutcomeDesc);
    }

    [Fact]
    public async Task RefusedRead_OfAnotherOrganisationsResource_RevealsNotItsPatient()
    {
        var patient = await _client.CreatePatientAsync("audit-isolation");
        var observation = await (await _client.PostAsync("/fhir/Observation", FhirHttp.Json(new Observation
        {
            Status = ObservationStatus.Final,
            Code = new CodeableConcept("http://loinc.org", "8480-6"),
            Subject = new ResourceReference("Patient/" + patient.Id),
        }))).ReadAsync<Observation>();
        var other = factory.CreateClient(AuditServerFactory.OtherClientId, FhirServerFactory.DefaultScopes);

        var (response, auditEvent) = await SendAsync(other, HttpMethod.Get, $"/fhir/Observation/{observation.Id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal([$"Observation/{observation.Id}"], Entities(auditEvent, "4"));
        Assert.Empty(Entities(auditEvent, "1")); // the case it belongs to is not looked up for a refused request
    }

    [Fact]
    public async Task Health_IsNotRecorded()
    {
        var healthId = AuditTrail.NewRequestId();
        await _client.SendAsync(AuditTrail.Tagged(HttpMethod.Get, "/health/live", healthId));

        // Records are written in order: once a later request's record is there, the health check's would be too.
        await SendAsync(_client, HttpMethod.Get, "/fhir/metadata");

        Assert.DoesNotContain(await factory.ReadAuditLogAsync(), entry => AuditTrail.RequestId(AuditTrail.Parse(entry)) == healthId);
    }

    [Fact]
    public async Task WithoutRequestId_TheServerTraceIdentifierIsRecorded()
    {
        var before = (await factory.ReadAuditLogAsync()).Count;
        var response = await _client.GetAsync("/fhir/metadata");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await factory.WaitForAuditAsync();
        var recorded = (await factory.ReadAuditLogAsync()).Skip(before).Select(AuditTrail.Parse).ToList();

        Assert.Contains(recorded, e => e.Subtype.Single().Code == "capabilities" && !string.IsNullOrEmpty(AuditTrail.RequestId(e)));
    }
}
