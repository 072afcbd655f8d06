using System.Net;
using System.Text;
using FhirOncology.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;

namespace FhirOncology.IntegrationTests.Api;

/// <summary>PATCH with JSON Patch and FHIRPath Patch (http.html#patch, fhirpatch.html).</summary>
public sealed class PatchTests(FhirServerFactory factory) : IClassFixture<FhirServerFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static StringContent JsonPatch(string operations) => new(operations, Encoding.UTF8, "application/json-patch+json");

    private static Parameters.ParameterComponent Operation(string type, string path, string? name = null, DataType? value = null, int? index = null)
    {
        var operation = new Parameters.ParameterComponent { Name = "operation" };
        operation.Part.Add(new Parameters.ParameterComponent { Name = "type", Value = new Code(type) });
        operation.Part.Add(new Parameters.ParameterComponent { Name = "path", Value = new FhirString(path) });
        if (name is not null)
        {
            operation.Part.Add(new Parameters.ParameterComponent { Name = "name", Value = new FhirString(name) });
        }

        if (value is not null)
        {
            operation.Part.Add(new Parameters.ParameterComponent { Name = "value", Value = value });
        }

        if (index is not null)
        {
            operation.Part.Add(new Parameters.ParameterComponent { Name = "index", Value = new Integer(index) });
        }

        return operation;
    }

    private Task<HttpResponseMessage> PatchAsync(string path, HttpContent content, string? ifMatch = null) =>
        _client.SendAsync(FhirHttp.Request(HttpMethod.Patch, path, content, ifMatch is null ? [] : [("If-Match", ifMatch)]));

    [Fact]
    public async Task JsonPatch_Replace_WritesNextVersion()
    {
        var patient = await _client.CreatePatientAsync("jp-1");
        var response = await PatchAsync($"/fhir/Patient/{patient.Id}", JsonPatch("[{\"op\":\"replace\",\"path\":\"/gender\",\"value\":\"male\"},{\"op\":\"add\",\"path\":\"/name/0/given/-\",\"value\":\"Sam\"}]"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("W/\"2\"", response.ETag());
        var patched = await response.ReadAsync<Patient>();
        Assert.Equal(AdministrativeGender.Male, patched.Gender);
        Assert.Equal(["Alex", "Sam"], patched.Name[0].Given);
    }

    [Theory]
    [InlineData("[{\"op\":\"test\",\"path\":\"/gender\",\"value\":\"male\"}]", HttpStatusCode.UnprocessableEntity)]
    [InlineData("[{\"op\":\"remove\",\"path\":\"/nothing/here\"}]", HttpStatusCode.BadRequest)]
    [InlineData("[{\"op\":\"replace\",\"path\":\"/gender\",\"value\":\"not-a-gender\"}]", HttpStatusCode.BadRequest)]
    [InlineData("[{\"op\":\"replace\",\"path\":\"/id\",\"value\":\"other\"}]", HttpStatusCode.BadRequest)]
    [InlineData("{\"op\":\"replace\"}", HttpStatusCode.BadRequest)]
    [InlineData("[{\"op\":\"explode\",\"path\":\"/gender\"}]", HttpStatusCode.BadRequest)]
    public async Task JsonPatch_FailingOrInvalid_RejectedAndNothingWritten(string operations, HttpStatusCode status)
    {
        var patient = await _client.CreatePatientAsync("jp-2");
        await (await PatchAsync($"/fhir/Patient/{patient.Id}", JsonPatch(operations))).AssertOutcomeAsync(status);
        Assert.Equal("W/\"1\"", (await _client.GetAsync($"/fhir/Patient/{patient.Id}")).ETag());
    }

    [Fact]
    public async Task FhirPathPatch_ReplaceAddInsertDelete_Apply()
    {
        var patient = await _client.CreatePatientAsync("fpp-1");
        var patch = new Parameters
        {
            Parameter =
            [
                Operation("replace", "Patient.gender", value: new Code("other")),
                Operation("add", "Patient", "active", new FhirBoolean(true)),
                Operation("insert", "Patient.identifier", value: new Identifier("urn:other", "first"), index: 0),
                Operation("delete", "Patient.birthDate"),
            ],
        };
        var response = await PatchAsync($"/fhir/Patient/{patient.Id}", FhirHttp.Json(patch));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var patched = await response.ReadAsync<Patient>();
        Assert.Equal(AdministrativeGender.Other, patched.Gender);
        Assert.True(patched.Active);
        Assert.Equal(["first", "fpp-1"], patched.Identifier.Select(i => i.Value));
        Assert.Null(patched.BirthDate);
    }

    [Fact]
    public async Task FhirPathPatch_PathMatchingSeveral_Returns400()
    {
        var patient = await _client.CreatePatientAsync("fpp-2");
        patient.Identifier.Add(new Identifier("urn:x", "second"));
        await _client.PutAsync($"/fhir/Patient/{patient.Id}", FhirHttp.Json(patient));
        var patch = new Parameters { Parameter = [Operation("replace", "Patient.identifier.value", value: new FhirString("x"))] };

        await (await PatchAsync($"/fhir/Patient/{patient.Id}", FhirHttp.Json(patch))).AssertOutcomeAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Patch_StaleIfMatchMissingOrDeleted_Rejected()
    {
        var patient = await _client.CreatePatientAsync("patch-3");
        var body = "[{\"op\":\"replace\",\"path\":\"/gender\",\"value\":\"male\"}]";
        await (await PatchAsync($"/fhir/Patient/{patient.Id}", JsonPatch(body), "W/\"9\"")).AssertOutcomeAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(HttpStatusCode.OK, (await PatchAsync($"/fhir/Patient/{patient.Id}", JsonPatch(body), "W/\"1\"")).StatusCode);
        await (await PatchAsync("/fhir/Patient/nobody", JsonPatch(body))).AssertOutcomeAsync(HttpStatusCode.NotFound);
        await _client.DeleteAsync($"/fhir/Patient/{patient.Id}");
        await (await PatchAsync($"/fhir/Patient/{patient.Id}", JsonPatch(body))).AssertOutcomeAsync(HttpStatusCode.Gone);
        await (await PatchAsync("/fhir/Patient/x", new StringContent("gender=male", Encoding.UTF8, "text/plain"))).AssertOutcomeAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Patch_ConditionalAndInTransaction_Apply()
    {
        var mrn = "patch-" + Guid.NewGuid().ToString("N");
        var patient = await _client.CreatePatientAsync(mrn);
        var conditional = await PatchAsync($"/fhir/Patient?identifier={mrn}", JsonPatch("[{\"op\":\"replace\",\"path\":\"/gender\",\"value\":\"male\"}]"));
        Assert.Equal(HttpStatusCode.OK, conditional.StatusCode);

        var bundle = new Bundle
        {
            Type = Bundle.BundleType.Transaction,
            Entry = [new Bundle.EntryComponent
            {
                Resource = new Parameters { Parameter = [Operation("replace", "Patient.gender", value: new Code("female"))] },
                Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.PATCH, Url = $"Patient/{patient.Id}", IfMatch = "W/\"2\"" },
            }],
        };
        var response = await (await _client.PostAsync("/fhir", FhirHttp.Json(bundle))).ReadAsync<Bundle>();
        Assert.Equal("200 OK", response.Entry[0].Response.Status);
        Assert.Equal("W/\"3\"", response.Entry[0].Response.Etag);
        Assert.Equal(AdministrativeGender.Female, (await (await _client.GetAsync($"/fhir/Patient/{patient.Id}")).ReadAsync<Patient>()).Gender);
    }
}
