using System.Net;
using FhirOncology.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;

namespace FhirOncology.IntegrationTests.Api;

/// <summary>Validation on write (422, nothing stored) and $validate (resource-operation-validate.html).</summary>
public sealed class ValidationTests(FhirServerFactory factory) : IClassFixture<FhirServerFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    // pat-1: a contact must have a name, telecom, address or organization (a rule the parser does not check).
    private const string BreaksInvariant = "{\"resourceType\":\"Patient\",\"contact\":[{\"gender\":\"male\"}]}";

    [Fact]
    public async Task Create_ViolatingAnInvariant_Returns422WithLocationAndStoresNothing()
    {
        var before = (await (await _client.GetAsync("/fhir/Patient?_summary=count")).ReadAsync<Bundle>()).Total;
        var response = await _client.PostAsync("/fhir/Patient", FhirHttp.Json(BreaksInvariant));

        var outcome = await response.AssertOutcomeAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains(outcome.Issue, issue => issue.Expression.Any(e => e.StartsWith("Patient.contact[0]", StringComparison.Ordinal)));
        Assert.Equal(before, (await (await _client.GetAsync("/fhir/Patient?_summary=count")).ReadAsync<Bundle>()).Total);
    }

    [Fact]
    public async Task Update_ViolatingAnInvariant_Returns422AndKeepsTheCurrentVersion()
    {
        var patient = await _client.CreatePatientAsync("val-1");
        patient.Contact = [new Patient.ContactComponent { Gender = AdministrativeGender.Male }];
        var response = await _client.PutAsync($"/fhir/Patient/{patient.Id}", FhirHttp.Json(patient));

        await response.AssertOutcomeAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("W/\"1\"", (await _client.GetAsync($"/fhir/Patient/{patient.Id}")).ETag());
    }

    [Fact]
    public async Task Transaction_InvalidEntry_Returns422NamingTheEntry()
    {
        var bundle = new Bundle
        {
            Type = Bundle.BundleType.Transaction,
            Entry =
            [
                new() { Resource = FhirHttp.NewPatient("val-tx"), Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = "Patient" } },
                new()
                {
                    Resource = new Patient { Contact = [new Patient.ContactComponent { Gender = AdministrativeGender.Male }] },
                    Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = "Patient" },
                },
            ],
        };
        var response = await _client.PostAsync("/fhir", FhirHttp.Json(bundle));

        var outcome = await response.AssertOutcomeAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains(outcome.Issue, issue => issue.Expression.Any(e => e.StartsWith("Bundle.entry[1].resource", StringComparison.Ordinal)));
        Assert.Equal(0, (await (await _client.GetAsync("/fhir/Patient?identifier=val-tx&_summary=count")).ReadAsync<Bundle>()).Total);
    }

    [Fact]
    public async Task Validate_TypeLevel_ReportsErrorsWith200()
    {
        var response = await _client.PostAsync("/fhir/Patient/$validate", FhirHttp.Json(BreaksInvariant));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var outcome = await response.ReadAsync<OperationOutcome>();
        Assert.Contains(outcome.Issue, issue => issue.Severity == OperationOutcome.IssueSeverity.Error);
    }

    [Fact]
    public async Task Validate_ValidResourceInParameters_IsAllOk()
    {
        var parameters = new Parameters();
        parameters.Add("resource", FhirHttp.NewPatient("val-2"));
        parameters.Add("mode", new Code("create"));
        var response = await _client.PostAsync("/fhir/Patient/$validate", FhirHttp.Json(parameters));

        var outcome = await response.ReadAsync<OperationOutcome>();
        Assert.DoesNotContain(outcome.Issue, issue => issue.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal);
    }

    [Fact]
    public async Task Validate_StoredInstanceAndWrongType()
    {
        var patient = await _client.CreatePatientAsync("val-3");
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/fhir/Patient/{patient.Id}/$validate")).StatusCode);
        await (await _client.PostAsync("/fhir/Observation/$validate", FhirHttp.Json(FhirHttp.NewPatient("x")))).AssertOutcomeAsync(HttpStatusCode.BadRequest);
        await (await _client.GetAsync("/fhir/Patient/nobody/$validate")).AssertOutcomeAsync(HttpStatusCode.NotFound);
    }
}
