using System.Net;
using FhirOncology.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;

namespace FhirOncology.IntegrationTests.Api;

/// <summary>Content negotiation, _pretty, _summary, _elements (http.html#mime-type, search.html#summary) and Prefer (http.html#ops).</summary>
public sealed class FormatTests(FhirServerFactory factory) : IClassFixture<FhirServerFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private const string PatientXml =
        "<Patient xmlns=\"http://hl7.org/fhir\"><identifier><system value=\"urn:mrn\"/><value value=\"xml-1\"/></identifier>"
        + "<gender value=\"female\"/></Patient>";

    [Fact]
    public async Task Create_XmlBodyWithXmlAccept_Returns201InXml()
    {
        var request = FhirHttp.Request(HttpMethod.Post, "/fhir/Patient", FhirHttp.Xml(PatientXml));
        request.Headers.Accept.Add(FhirHttp.Accept(FhirHttp.XmlType));
        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("application/fhir+xml; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("<Patient xmlns=\"http://hl7.org/fhir\">", body, StringComparison.Ordinal);
        Assert.Contains("<versionId value=\"1\"", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xml", "application/fhir+xml")]
    [InlineData("application/fhir+xml", "application/fhir+xml")]
    [InlineData("json", "application/fhir+json")]
    [InlineData("application/json", "application/fhir+json")]
    public async Task Read_FormatParameter_OverridesAccept(string format, string expected)
    {
        var created = await _client.CreatePatientAsync("fmt-1");
        var request = FhirHttp.Request(HttpMethod.Get, $"/fhir/Patient/{created.Id}?_format={Uri.EscapeDataString(format)}");
        request.Headers.Accept.Add(FhirHttp.Accept(expected == FhirHttp.XmlType ? FhirHttp.JsonType : FhirHttp.XmlType));
        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(expected, response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_UnsupportedFormatParameter_Returns406()
    {
        var created = await _client.CreatePatientAsync("fmt-2");
        var response = await _client.GetAsync($"/fhir/Patient/{created.Id}?_format=text/html");
        await response.AssertOutcomeAsync(HttpStatusCode.NotAcceptable, OperationOutcome.IssueType.NotSupported);
    }

    [Fact]
    public async Task Read_AcceptOnlyUnsupported_Returns406()
    {
        var created = await _client.CreatePatientAsync("fmt-3");
        var request = FhirHttp.Request(HttpMethod.Get, $"/fhir/Patient/{created.Id}");
        request.Headers.Accept.Add(FhirHttp.Accept("text/html"));
        await (await _client.SendAsync(request)).AssertOutcomeAsync(HttpStatusCode.NotAcceptable);
    }

    [Fact]
    public async Task Read_Pretty_IndentsJson()
    {
        var created = await _client.CreatePatientAsync("fmt-4");
        var compact = await (await _client.GetAsync($"/fhir/Patient/{created.Id}")).Content.ReadAsStringAsync();
        var pretty = await (await _client.GetAsync($"/fhir/Patient/{created.Id}?_pretty=true")).Content.ReadAsStringAsync();

        Assert.DoesNotContain('\n', compact);
        Assert.Contains("\n  \"resourceType\": \"Patient\"", pretty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_SummaryTrue_KeepsSummaryElementsAndTagsSubsetted()
    {
        var patient = FhirHttp.NewPatient("fmt-5");
        patient.Contact = [new Patient.ContactComponent { Name = new HumanName { Family = "Contact" } }]; // not in summary
        var created = await (await _client.PostAsync("/fhir/Patient", FhirHttp.Json(patient))).ReadAsync<Patient>();

        var summary = await (await _client.GetAsync($"/fhir/Patient/{created.Id}?_summary=true")).ReadAsync<Patient>();

        Assert.Empty(summary.Contact);
        Assert.Equal("fmt-5", summary.Identifier[0].Value);
        Assert.Contains(summary.Meta.Tag, tag => tag.Code == "SUBSETTED");
    }

    [Fact]
    public async Task Read_Elements_ReturnsOnlyNamedElementsPlusMandatory()
    {
        var created = await _client.CreatePatientAsync("fmt-6");
        var response = await _client.GetAsync($"/fhir/Patient/{created.Id}?_elements=identifier");
        var subset = await response.ReadAsync<Patient>();

        Assert.Single(subset.Identifier);
        Assert.Empty(subset.Name);
        Assert.Null(subset.Gender);
        Assert.Equal(created.Id, subset.Id);
        Assert.Contains(subset.Meta.Tag, tag => tag.Code == "SUBSETTED");
    }

    [Theory]
    [InlineData("_summary=maybe")]
    [InlineData("_pretty=yes")]
    [InlineData("_summary=true&_elements=name")]
    public async Task Read_InvalidResultParameters_Return400(string query)
    {
        var created = await _client.CreatePatientAsync("fmt-7");
        await (await _client.GetAsync($"/fhir/Patient/{created.Id}?{query}")).AssertOutcomeAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Create_PreferMinimal_ReturnsHeadersOnly()
    {
        var request = FhirHttp.Request(HttpMethod.Post, "/fhir/Patient", FhirHttp.Json(FhirHttp.NewPatient("prefer-1")), ("Prefer", "return=minimal"));
        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotNull(response.Headers.Location);
        Assert.Equal("W/\"1\"", response.ETag());
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Create_PreferOperationOutcome_ReturnsInformationOutcome()
    {
        var request = FhirHttp.Request(HttpMethod.Post, "/fhir/Patient", FhirHttp.Json(FhirHttp.NewPatient("prefer-2")), ("Prefer", "return=OperationOutcome"));
        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var outcome = await response.ReadAsync<OperationOutcome>();
        Assert.Equal(OperationOutcome.IssueSeverity.Information, outcome.Issue[0].Severity);
        Assert.Contains("Created Patient/", outcome.Issue[0].Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_PreferRepresentation_ReturnsResource()
    {
        var created = await _client.CreatePatientAsync("prefer-3");
        var request = FhirHttp.Request(HttpMethod.Put, $"/fhir/Patient/{created.Id}", FhirHttp.Json(created), ("Prefer", "return=representation"));
        var updated = await (await _client.SendAsync(request)).ReadAsync<Patient>();
        Assert.Equal("2", updated.Meta.VersionId);
    }

    [Fact]
    public async Task Error_RequestedInXml_IsXmlOperationOutcome()
    {
        var request = FhirHttp.Request(HttpMethod.Get, "/fhir/Patient/missing");
        request.Headers.Accept.Add(FhirHttp.Accept(FhirHttp.XmlType));
        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.StartsWith(FhirHttp.XmlType, response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        Assert.Contains("<OperationOutcome", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
