using System.Net;
using FhirOncology.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;

namespace FhirOncology.IntegrationTests.Api;

/// <summary>update, update-as-create, If-Match, and soft delete (http.html#update, #upsert, #concurrency, #delete).</summary>
public sealed class UpdateDeleteTests(FhirServerFactory factory) : IClassFixture<FhirServerFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Update_Existing_Returns200WithNextVersion()
    {
        var created = await _client.CreatePatientAsync("update-1");
        created.Gender = AdministrativeGender.Other;
        var response = await _client.PutAsync($"/fhir/Patient/{created.Id}", FhirHttp.Json(created));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("W/\"2\"", response.ETag());
        Assert.Null(response.Headers.Location);
        var updated = await response.ReadAsync<Patient>();
        Assert.Equal("2", updated.Meta.VersionId);
        Assert.Equal(AdministrativeGender.Other, updated.Gender);
    }

    [Fact]
    public async Task Update_UnknownClientId_CreatesWithThatId201()
    {
        var patient = FhirHttp.NewPatient("upsert-1");
        patient.Id = "upsert-" + Guid.NewGuid().ToString("N")[..8];
        var response = await _client.PutAsync($"/fhir/Patient/{patient.Id}", FhirHttp.Json(patient));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"http://localhost/fhir/Patient/{patient.Id}/_history/1", response.Headers.Location?.ToString());
        Assert.Equal("W/\"1\"", response.ETag());
    }

    [Fact]
    public async Task Update_IdMismatch_Returns400AndWritesNothing()
    {
        var created = await _client.CreatePatientAsync("update-2");
        var body = FhirHttp.NewPatient("update-2");
        body.Id = "another-id";
        var response = await _client.PutAsync($"/fhir/Patient/{created.Id}", FhirHttp.Json(body));

        await response.AssertOutcomeAsync(HttpStatusCode.BadRequest, OperationOutcome.IssueType.Invalid);
        Assert.Equal("W/\"1\"", (await _client.GetAsync($"/fhir/Patient/{created.Id}")).ETag());
    }

    [Fact]
    public async Task Update_BodyWithoutId_Returns400()
    {
        var response = await _client.PutAsync("/fhir/Patient/no-id-in-body", FhirHttp.Json(FhirHttp.NewPatient("update-3")));
        await response.AssertOutcomeAsync(HttpStatusCode.BadRequest, OperationOutcome.IssueType.Invalid);
    }

    [Fact]
    public async Task Update_WrongTypeInBody_Returns400()
    {
        var response = await _client.PutAsync("/fhir/Observation/x1", FhirHttp.Json("{\"resourceType\":\"Patient\",\"id\":\"x1\"}"));
        await response.AssertOutcomeAsync(HttpStatusCode.BadRequest, OperationOutcome.IssueType.Invalid);
    }

    [Fact]
    public async Task Update_IfMatchStale_Returns412AndKeepsCurrent()
    {
        var created = await _client.CreatePatientAsync("ifmatch-1");
        await _client.PutAsync($"/fhir/Patient/{created.Id}", FhirHttp.Json(created)); // now version 2

        var stale = FhirHttp.Request(HttpMethod.Put, $"/fhir/Patient/{created.Id}", FhirHttp.Json(created), ("If-Match", "W/\"1\""));
        var response = await _client.SendAsync(stale);

        await response.AssertOutcomeAsync(HttpStatusCode.PreconditionFailed, OperationOutcome.IssueType.Conflict);
        Assert.Equal("W/\"2\"", (await _client.GetAsync($"/fhir/Patient/{created.Id}")).ETag());
    }

    [Fact]
    public async Task Update_IfMatchCurrent_Returns200()
    {
        var created = await _client.CreatePatientAsync("ifmatch-2");
        var request = FhirHttp.Request(HttpMethod.Put, $"/fhir/Patient/{created.Id}", FhirHttp.Json(created), ("If-Match", "W/\"1\""));
        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("W/\"2\"", response.ETag());
    }

    [Fact]
    public async Task Update_IfMatchMalformed_Returns400()
    {
        var created = await _client.CreatePatientAsync("ifmatch-3");
        var request = FhirHttp.Request(HttpMethod.Put, $"/fhir/Patient/{created.Id}", FhirHttp.Json(created), ("If-Match", "W/\"one\""));
        await (await _client.SendAsync(request)).AssertOutcomeAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Delete_ThenRead_Returns204Then410AndOldVersionsStayReadable()
    {
        var created = await _client.CreatePatientAsync("delete-1");
        var delete = await _client.DeleteAsync($"/fhir/Patient/{created.Id}");

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal("W/\"2\"", delete.ETag());
        await (await _client.GetAsync($"/fhir/Patient/{created.Id}")).AssertOutcomeAsync(HttpStatusCode.Gone, OperationOutcome.IssueType.Deleted);
        await (await _client.GetAsync($"/fhir/Patient/{created.Id}/_history/2")).AssertOutcomeAsync(HttpStatusCode.Gone);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/fhir/Patient/{created.Id}/_history/1")).StatusCode);
    }

    [Fact]
    public async Task Delete_Twice_SecondWritesNoNewVersion()
    {
        var created = await _client.CreatePatientAsync("delete-2");
        await _client.DeleteAsync($"/fhir/Patient/{created.Id}");
        var again = await _client.DeleteAsync($"/fhir/Patient/{created.Id}");

        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        var history = await (await _client.GetAsync($"/fhir/Patient/{created.Id}/_history")).ReadAsync<Bundle>();
        Assert.Equal(2, history.Entry.Count);
    }

    [Fact]
    public async Task Delete_Unknown_Returns204()
    {
        var response = await _client.DeleteAsync("/fhir/Patient/never-existed");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task Update_AfterDelete_ResurrectsWith201AndNextVersion()
    {
        var created = await _client.CreatePatientAsync("delete-3");
        await _client.DeleteAsync($"/fhir/Patient/{created.Id}");
        var response = await _client.PutAsync($"/fhir/Patient/{created.Id}", FhirHttp.Json(created));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("W/\"3\"", response.ETag());
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/fhir/Patient/{created.Id}")).StatusCode);
    }
}
