using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace FhirOncology.IntegrationTests.Infrastructure;

/// <summary>Small helpers for building FHIR requests and reading FHIR responses in tests.</summary>
public static class FhirHttp
{
    public const string JsonType = "application/fhir+json";
    public const string XmlType = "application/fhir+xml";

    private static readonly FhirJsonDeserializer Parser = new(new DeserializerSettings().UsingMode(DeserializationMode.Recoverable));

    public static StringContent Json(string json) => new(json, Encoding.UTF8, JsonType);

    public static StringContent Json(Resource resource) => Json(resource.ToJson());

    public static StringContent Xml(string xml) => new(xml, Encoding.UTF8, XmlType);

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) where T : Resource
    {
        var body = await response.Content.ReadAsStringAsync();
        return Parser.Deserialize<T>(body);
    }

    /// <summary>Asserts an OperationOutcome error response: status, FHIR content type, and an error issue with the code.</summary>
    public static async Task<OperationOutcome> AssertOutcomeAsync(
        this HttpResponseMessage response, HttpStatusCode status, OperationOutcome.IssueType? code = null)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.StartsWith(JsonType, response.Content.Headers.ContentType?.ToString() ?? "", StringComparison.Ordinal);
        var outcome = await response.ReadAsync<OperationOutcome>();
        Assert.NotEmpty(outcome.Issue);
        Assert.Contains(outcome.Issue, issue => issue.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal
            && (code is null || issue.Code == code));
        return outcome;
    }

    public static string? ETag(this HttpResponseMessage response) => response.Headers.ETag?.ToString();

    public static Patient NewPatient(string mrn, string family = "Testperson") => new()
    {
        Identifier = [new Identifier("urn:oid:1.2.36.146.595.217.0.1", mrn)],
        Name = [new HumanName { Family = family, Given = ["Alex"] }],
        Gender = AdministrativeGender.Female,
        BirthDate = "1970-03-04",
    };

    public static async Task<Patient> CreatePatientAsync(this HttpClient client, string mrn)
    {
        var response = await client.PostAsync("/fhir/Patient", Json(NewPatient(mrn)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<Patient>();
    }

    public static HttpRequestMessage Request(HttpMethod method, string uri, HttpContent? content = null, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, uri) { Content = content };
        foreach (var (name, value) in headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return request;
    }

    public static MediaTypeWithQualityHeaderValue Accept(string mediaType) => new(mediaType);
}
