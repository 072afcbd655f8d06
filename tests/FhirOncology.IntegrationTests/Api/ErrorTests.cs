using System.Net;
using System.Text;
using FhirOncology.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;

namespace FhirOncology.IntegrationTests.Api;

/// <summary>Bad input gets an OperationOutcome with the right status, never a 500, and writes nothing (http.html#2.21.0.14).</summary>
public sealed class ErrorTests(ErrorTests.SmallBodyServer factory) : IClassFixture<ErrorTests.SmallBodyServer>
{
    private readonly HttpClient _client = factory.CreateClient();

    /// <summary>A server with a 4 KiB body limit, so the 413 path is cheap to reach.</summary>
    public sealed class SmallBodyServer : FhirServerFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings =>
            new Dictionary<string, string?> { ["Fhir:MaxRequestBodyBytes"] = "4096" };
    }

    [Theory]
    [InlineData("{\"resourceType\":\"Patient\",")] // truncated
    [InlineData("not json at all")]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("{\"resourceType\":\"Patient\",\"name\":{\"family\":\"x\"}}")] // object where an array belongs
    [InlineData("{\"resourceType\":\"Patient\",\"gender\":[\"male\"]}")] // array where a primitive belongs
    [InlineData("{\"resourceType\":\"Patient\",\"gender\":42}")] // wrong JSON type
    [InlineData("{\"resourceType\":\"Patient\",\"favouriteColour\":\"blue\"}")] // unknown element
    [InlineData("{\"resourceType\":\"Patient\",\"birthDate\":\"31/12/1970\"}")] // bad primitive format
    [InlineData("{\"resourceType\":\"NoSuchType\"}")]
    [InlineData("{\"gender\":\"male\"}")] // no resourceType
    [InlineData("")]
    public async Task Create_MalformedJson_Returns400AndWritesNothing(string body)
    {
        var before = await CountPatientVersionsAsync();
        var response = await _client.PostAsync("/fhir/Patient", FhirHttp.Json(body));

        await response.AssertOutcomeAsync(HttpStatusCode.BadRequest);
        Assert.Equal(before, await CountPatientVersionsAsync());
    }

    [Theory]
    [InlineData("<Patient xmlns=\"http://hl7.org/fhir\"><gender value=\"female\"/>")] // not well-formed
    [InlineData("<Patient><gender value=\"female\"/></Patient>")] // no FHIR namespace
    [InlineData("<!DOCTYPE x [<!ENTITY e \"boom\">]><Patient xmlns=\"http://hl7.org/fhir\"/>")] // DTDs refused
    public async Task Create_MalformedXml_Returns400(string body)
    {
        var response = await _client.PostAsync("/fhir/Patient", FhirHttp.Xml(body));
        await response.AssertOutcomeAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Create_WrongTypeInBody_Returns400()
    {
        var response = await _client.PostAsync("/fhir/Observation", FhirHttp.Json(FhirHttp.NewPatient("wrong-type")));
        await response.AssertOutcomeAsync(HttpStatusCode.BadRequest, OperationOutcome.IssueType.Invalid);
    }

    [Fact]
    public async Task Create_UnsupportedType_Returns404NotSupported()
    {
        var response = await _client.PostAsync("/fhir/Medication", FhirHttp.Json("{\"resourceType\":\"Medication\"}"));
        await response.AssertOutcomeAsync(HttpStatusCode.NotFound, OperationOutcome.IssueType.NotSupported);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Create_UnsupportedContentType_Returns415(string contentType)
    {
        var content = new StringContent(FhirHttp.NewPatient("ct").ToString() ?? "x", Encoding.UTF8, contentType);
        var response = await _client.PostAsync("/fhir/Patient", content);
        await response.AssertOutcomeAsync(HttpStatusCode.UnsupportedMediaType, OperationOutcome.IssueType.NotSupported);
    }

    [Fact]
    public async Task Create_BodyOverLimit_Returns413AndWritesNothing()
    {
        var before = await CountPatientVersionsAsync();
        var patient = FhirHttp.NewPatient("too-big");
        patient.Name[0].Family = new string('x', 8000);
        var response = await _client.PostAsync("/fhir/Patient", FhirHttp.Json(patient));

        await response.AssertOutcomeAsync(HttpStatusCode.RequestEntityTooLarge, OperationOutcome.IssueType.TooLong);
        Assert.Equal(before, await CountPatientVersionsAsync());
    }

    [Fact]
    public async Task UnsupportedMethod_Returns405OperationOutcome()
    {
        // POST on an instance is no FHIR interaction; routing answers 405, and still with an OperationOutcome.
        var response = await _client.PostAsync("/fhir/Patient/x", FhirHttp.Json("{}"));
        await response.AssertOutcomeAsync(HttpStatusCode.MethodNotAllowed, OperationOutcome.IssueType.NotSupported);
    }

    [Fact]
    public async Task UnknownPath_Returns404OperationOutcome()
    {
        var response = await _client.GetAsync("/fhir/Patient/1/_history/1/extra");
        await response.AssertOutcomeAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/fhir/Patient/bad$id")]
    [InlineData("/fhir/Patient/" + "a123456789a123456789a123456789a123456789a123456789a123456789abcde")] // 65 characters
    public async Task Update_InvalidId_Returns400(string path)
    {
        var response = await _client.PutAsync(path, FhirHttp.Json("{\"resourceType\":\"Patient\",\"id\":\"x\"}"));
        await response.AssertOutcomeAsync(HttpStatusCode.BadRequest);
    }

    private async Task<int> CountPatientVersionsAsync()
    {
        var response = await _client.GetAsync("/fhir/Patient/_history?_count=1000");
        return (await response.ReadAsync<Bundle>()).Entry.Count;
    }
}
