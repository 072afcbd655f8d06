using System.Net;
using FhirOncology.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;

namespace FhirOncology.IntegrationTests.Security;

/// <summary>
/// SMART scopes v1 and v2 per interaction (scopes-and-launch-context.html), including query-constrained v2 scopes,
/// user (fhirUser) and patient-context tokens. Organisation A's data comes from <see cref="IsolationServer"/>.
/// </summary>
public sealed class ScopeTests(IsolationServer server) : IClassFixture<IsolationServer>
{
    [Fact]
    public async Task V1Read_AllowsReadAndSearch_NotWrite()
    {
        var client = server.Client("ehr-a", "system/Patient.read");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/fhir/Patient/{server.PatientA}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/fhir/Patient")).StatusCode);
        await (await client.PostAsync("/fhir/Patient", FhirHttp.Json(FhirHttp.NewPatient("A-scope")))).AssertOutcomeAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync($"/fhir/Observation/{server.ObservationA}")).AssertOutcomeAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task V1Write_AllowsCreate_NotRead()
    {
        var client = server.Client("ehr-a", "system/Observation.write");

        var created = await client.PostAsync("/fhir/Observation", FhirHttp.Json(IsolationServer.Observation("Patient/" + server.PatientA, "718-7")));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await (await client.GetAsync($"/fhir/Observation/{server.ObservationA}")).AssertOutcomeAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("system/Patient.c", "POST", HttpStatusCode.Created)]
    [InlineData("system/Patient.c", "READ", HttpStatusCode.Forbidden)]
    [InlineData("system/Patient.r", "READ", HttpStatusCode.OK)]
    [InlineData("system/Patient.r", "SEARCH", HttpStatusCode.Forbidden)]
    [InlineData("system/Patient.s", "SEARCH", HttpStatusCode.OK)]
    [InlineData("system/Patient.s", "READ", HttpStatusCode.Forbidden)]
    [InlineData("system/Patient.rs", "DELETE", HttpStatusCode.Forbidden)]
    [InlineData("system/Patient.cud", "SEARCH", HttpStatusCode.Forbidden)]
    [InlineData("system/*.cruds", "READ", HttpStatusCode.OK)]
    [InlineData("user/*.cruds", "READ", HttpStatusCode.Forbidden)] // a system client gets nothing from user/ scopes
    [InlineData("system/Patient.sr", "READ", HttpStatusCode.Forbidden)] // v2 letters must be in cruds order
    public async Task V2Permissions_AreEnforcedPerInteraction(string scope, string interaction, HttpStatusCode expected)
    {
        var client = server.Client("ehr-a", scope);

        var response = interaction switch
        {
            "POST" => await client.PostAsync("/fhir/Patient", FhirHttp.Json(FhirHttp.NewPatient("A-v2"))),
            "READ" => await client.GetAsync($"/fhir/Patient/{server.PatientA}"),
            "SEARCH" => await client.GetAsync("/fhir/Patient"),
            _ => await client.DeleteAsync($"/fhir/Patient/{Guid.NewGuid():N}"),
        };

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task QueryConstrainedScope_LimitsSearchAndRead_AndRefusesHistory()
    {
        var vitals = await IsolationServer.CreateAsync(server.A, IsolationServer.Observation("Patient/" + server.PatientA, "8867-4", "vital-signs"));
        var client = server.Client("ehr-a", "system/Observation.rs?category=laboratory");

        var search = await (await client.GetAsync("/fhir/Observation?_count=1000")).ReadAsync<Bundle>();

        Assert.Contains(search.Entry, e => e.Resource.Id == server.ObservationA);
        Assert.DoesNotContain(search.Entry, e => e.Resource.Id == vitals);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/fhir/Observation/{server.ObservationA}")).StatusCode);
        await (await client.GetAsync($"/fhir/Observation/{vitals}")).AssertOutcomeAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync("/fhir/Observation/_history")).AssertOutcomeAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task QueryConstrainedWriteScope_RefusesAWriteOutsideTheConstraint()
    {
        var client = server.Client("ehr-a", "system/Observation.c?category=laboratory");

        var inside = await client.PostAsync("/fhir/Observation", FhirHttp.Json(IsolationServer.Observation("Patient/" + server.PatientA, "718-7")));
        var outside = await client.PostAsync("/fhir/Observation", FhirHttp.Json(IsolationServer.Observation("Patient/" + server.PatientA, "8867-4", "vital-signs")));

        Assert.Equal(HttpStatusCode.Created, inside.StatusCode);
        await outside.AssertOutcomeAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task UserToken_ActsForTheOrganisationOfItsPractitionerRole()
    {
        var role = await IsolationServer.CreateAsync(server.A, new PractitionerRole
        {
            Active = true,
            Organization = new ResourceReference("Organization/org-a"),
        });
        var user = server.Client("ehr-a-portal", "user/*.rs openid fhirUser", fhirUser: "PractitionerRole/" + role);
        var systemScopesOnly = server.Client("ehr-a-portal", "system/*.cruds", fhirUser: "PractitionerRole/" + role);
        var unknownUser = server.Client("ehr-a-portal", "user/*.rs", fhirUser: "PractitionerRole/does-not-exist");

        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync($"/fhir/Patient/{server.PatientA}")).StatusCode);
        await (await user.GetAsync($"/fhir/Patient/{server.PatientB}")).AssertOutcomeAsync(HttpStatusCode.NotFound);
        await (await user.PostAsync("/fhir/Patient", FhirHttp.Json(FhirHttp.NewPatient("A-user")))).AssertOutcomeAsync(HttpStatusCode.Forbidden);
        await (await systemScopesOnly.GetAsync($"/fhir/Patient/{server.PatientA}")).AssertOutcomeAsync(HttpStatusCode.Forbidden);
        await (await unknownUser.GetAsync($"/fhir/Patient/{server.PatientA}")).AssertOutcomeAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task PatientScope_SeesOnlyThePatientInContext()
    {
        var role = await IsolationServer.CreateAsync(server.A, new PractitionerRole { Active = true, Organization = new ResourceReference("Organization/org-a") });
        var otherPatient = (await server.A.CreatePatientAsync("A-2")).Id;
        var otherObservation = await IsolationServer.CreateAsync(server.A, IsolationServer.Observation("Patient/" + otherPatient, "718-7"));
        var client = server.Client("ehr-a-portal", "patient/Observation.rs patient/Patient.r", fhirUser: "PractitionerRole/" + role, patient: server.PatientA);
        var noContext = server.Client("ehr-a-portal", "patient/Observation.rs", fhirUser: "PractitionerRole/" + role);

        var search = await (await client.GetAsync("/fhir/Observation?_count=1000")).ReadAsync<Bundle>();

        Assert.Contains(search.Entry, e => e.Resource.Id == server.ObservationA);
        Assert.DoesNotContain(search.Entry, e => e.Resource.Id == otherObservation);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/fhir/Patient/{server.PatientA}")).StatusCode);
        await (await client.GetAsync($"/fhir/Patient/{otherPatient}")).AssertOutcomeAsync(HttpStatusCode.NotFound);
        await (await noContext.GetAsync("/fhir/Observation")).AssertOutcomeAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Administration_NeedsAnAdministratorClientWithFullSystemScope()
    {
        var administrator = FhirServerFactory.DefaultClientId; // listed in Auth:AdministratorClients by the factory

        await (await server.Client(administrator, "system/*.rs").GetAsync("/fhir/$reindex")).AssertOutcomeAsync(HttpStatusCode.Forbidden);
        await (await server.Client("ehr-a", "system/*.cruds").GetAsync("/fhir/$reindex")).AssertOutcomeAsync(HttpStatusCode.Forbidden);
        await (await server.Client("ehr-a", "system/*.cruds").GetAsync("/fhir/$verify-audit-chain")).AssertOutcomeAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await server.Client(administrator, "system/*.cruds").GetAsync("/fhir/$reindex")).StatusCode);
    }

    [Fact]
    public async Task AuditEvents_NeedAnExplicitScope_AndCannotBeWritten()
    {
        var wildcard = server.Client("ehr-a", "system/*.cruds");
        var audit = new AuditEvent
        {
            Type = new Coding("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest"),
            Recorded = DateTimeOffset.UtcNow,
            Agent = [new AuditEvent.AgentComponent { Requestor = true, Who = new ResourceReference { Display = "x" } }],
            Source = new AuditEvent.SourceComponent { Observer = new ResourceReference { Display = "x" } },
        };

        await (await wildcard.GetAsync("/fhir/AuditEvent")).AssertOutcomeAsync(HttpStatusCode.Forbidden);
        await (await server.Client("ehr-a", "system/*.cruds system/AuditEvent.cruds").PostAsync("/fhir/AuditEvent", FhirHttp.Json(audit)))
            .AssertOutcomeAsync(HttpStatusCode.MethodNotAllowed);
    }
}
