using System.Net;
using FhirOncology.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;

namespace FhirOncology.IntegrationTests.Api;

/// <summary>create, read and vread (http.html#create, #read, #vread): status, headers and body.</summary>
public sealed class CreateReadTests(FhirServerFactory factory) : IClassFixture<FhirServerFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Create_NewPatient_Returns201WithLocationETagLastModifiedAndServerId()
    {
        var patient = FhirHttp.NewPatient("create-1");
        patient.Id = "client-chosen"; // http.html#create: the server SHALL ignore it
        var response = await _client.PostAsync("/fhir/Patient", FhirHttp.Json(patient));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadAsync<Patient>();
        Assert.NotEqual("client-chosen", created.Id);
        Assert.Equal("1", created.Meta.VersionId);
        Assert.NotNull(created.Meta.LastUpdated);
        Assert.Equal("W/\"1\"", response.ETag());
        Assert.Equal($"http://localhost/fhir/Patient/{created.Id}/_history/1", response.Headers.Location?.ToString());
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.Equal("application/fhir+json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task Read_Existing_Returns200WithSameVersionHeaders()
    {
        var created = await _client.CreatePatientAsync("read-1");
        var response = await _client.GetAsync($"/fhir/Patient/{created.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("W/\"1\"", response.ETag());
        Assert.Equal(created.Meta.LastUpdated!.Value.ToUnixTimeSeconds(), response.Content.Headers.LastModified!.Value.ToUnixTimeSeconds());
        var read = await response.ReadAsync<Patient>();
        Assert.Equal("read-1", read.Identifier[0].Value);
    }

    [Fact]
    public async Task Read_Unknown_Returns404OperationOutcome()
    {
        var response = await _client.GetAsync("/fhir/Patient/does-not-exist");
        await response.AssertOutcomeAsync(HttpStatusCode.NotFound, OperationOutcome.IssueType.NotFound);
    }

    [Theory]
    [InlineData("/fhir/Medication/1")] // valid R4 type the server does not serve
    [InlineData("/fhir/NotAType/1")]
    [InlineData("/fhir/patient/1")] // type names are case-sensitive
    public async Task Read_UnsupportedType_Returns404NotSupported(string path)
    {
        var response = await _client.GetAsync(path);
        await response.AssertOutcomeAsync(HttpStatusCode.NotFound, OperationOutcome.IssueType.NotSupported);
    }

    [Fact]
    public async Task VRead_EachVersion_ReturnsThatVersion()
    {
        var created = await _client.CreatePatientAsync("vread-1");
        created.Gender = AdministrativeGender.Male;
        Assert.Equal(HttpStatusCode.OK, (await _client.PutAsync($"/fhir/Patient/{created.Id}", FhirHttp.Json(created))).StatusCode);

        var v1 = await _client.GetAsync($"/fhir/Patient/{created.Id}/_history/1");
        var v2 = await _client.GetAsync($"/fhir/Patient/{created.Id}/_history/2");

        Assert.Equal(HttpStatusCode.OK, v1.StatusCode);
        Assert.Equal("W/\"1\"", v1.ETag());
        Assert.Equal(AdministrativeGender.Female, (await v1.ReadAsync<Patient>()).Gender);
        Assert.Equal("W/\"2\"", v2.ETag());
        Assert.Equal(AdministrativeGender.Male, (await v2.ReadAsync<Patient>()).Gender);
    }

    [Theory]
    [InlineData("9")]
    [InlineData("abc")]
    [InlineData("-1")]
    public async Task VRead_UnknownVersion_Returns404(string version)
    {
        var created = await _client.CreatePatientAsync("vread-2");
        var response = await _client.GetAsync($"/fhir/Patient/{created.Id}/_history/{version}");
        await response.AssertOutcomeAsync(HttpStatusCode.NotFound, OperationOutcome.IssueType.NotFound);
    }

    [Fact]
    public async Task Read_IfNoneMatchCurrentVersion_Returns304WithoutBody()
    {
        var created = await _client.CreatePatientAsync("cread-1");
        var request = FhirHttp.Request(HttpMethod.Get, $"/fhir/Patient/{created.Id}", null, ("If-None-Match", "W/\"1\""));
        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal("W/\"1\"", response.ETag());
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Read_IfNoneMatchOldVersion_Returns200()
    {
        var created = await _client.CreatePatientAsync("cread-2");
        await _client.PutAsync($"/fhir/Patient/{created.Id}", FhirHttp.Json(created));
        var request = FhirHttp.Request(HttpMethod.Get, $"/fhir/Patient/{created.Id}", null, ("If-None-Match", "W/\"1\""));
        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("W/\"2\"", response.ETag());
    }

    [Fact]
    public async Task Read_IfModifiedSince_Returns304WhenNotModifiedAnd200WhenOlder()
    {
        var created = await _client.CreatePatientAsync("cread-3");
        var after = created.Meta.LastUpdated!.Value.AddMinutes(1).ToString("R");
        var before = created.Meta.LastUpdated!.Value.AddMinutes(-1).ToString("R");

        var notModified = await _client.SendAsync(FhirHttp.Request(HttpMethod.Get, $"/fhir/Patient/{created.Id}", null, ("If-Modified-Since", after)));
        var modified = await _client.SendAsync(FhirHttp.Request(HttpMethod.Get, $"/fhir/Patient/{created.Id}", null, ("If-Modified-Since", before)));

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, modified.StatusCode);
    }

    [Theory]
    [InlineData("Observation")]
    [InlineData("Task")]
    [InlineData("ServiceRequest")]
    [InlineData("Condition")]
    public async Task Create_ReferralTypes_RoundTrip(string type)
    {
        Resource resource = type switch
        {
            "Observation" => new Observation { Status = ObservationStatus.Final, Code = new CodeableConcept("http://loinc.org", "94076-7") },
            "Task" => new Hl7.Fhir.Model.Task { Status = Hl7.Fhir.Model.Task.TaskStatus.Requested, Intent = Hl7.Fhir.Model.Task.TaskIntent.Order },
            "ServiceRequest" => new ServiceRequest { Status = RequestStatus.Active, Intent = RequestIntent.Order, Subject = new ResourceReference("Patient/p1") },
            _ => new Condition { Subject = new ResourceReference("Patient/p1"), Code = new CodeableConcept("http://snomed.info/sct", "254637007") },
        };
        var response = await _client.PostAsync($"/fhir/{type}", FhirHttp.Json(resource));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var read = await _client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Contains($"\"resourceType\":\"{type}\"", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
