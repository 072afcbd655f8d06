using System.Net;
using FhirOncology.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;

namespace FhirOncology.IntegrationTests.Api;

/// <summary>Conditional create, update and delete (http.html#ccreate, #cond-update, #cdelete).</summary>
public sealed class ConditionalTests(FhirServerFactory factory) : IClassFixture<FhirServerFactory>
{
    private const string MrnSystem = "urn:oid:1.2.36.146.595.217.0.1";
    private readonly HttpClient _client = factory.CreateClient();

    private static string Criteria(string mrn) => $"identifier={Uri.EscapeDataString(MrnSystem)}|{mrn}";

    private Task<HttpResponseMessage> ConditionalCreateAsync(string mrn, string? criteria = null) =>
        _client.SendAsync(FhirHttp.Request(HttpMethod.Post, "/fhir/Patient", FhirHttp.Json(FhirHttp.NewPatient(mrn)), ("If-None-Exist", criteria ?? Criteria(mrn))));

    [Fact]
    public async Task ConditionalCreate_NoMatch_Creates201()
    {
        var response = await ConditionalCreateAsync("cc-1");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task ConditionalCreate_OneMatch_Returns200WithExistingAndWritesNothing()
    {
        var first = await (await ConditionalCreateAsync("cc-2")).ReadAsync<Patient>();
        var second = await ConditionalCreateAsync("cc-2");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var existing = await second.ReadAsync<Patient>();
        Assert.Equal(first.Id, existing.Id);
        Assert.Equal("1", existing.Meta.VersionId);
        Assert.Equal($"http://localhost/fhir/Patient/{first.Id}/_history/1", second.Headers.Location?.ToString());
    }

    [Fact]
    public async Task ConditionalCreate_MultipleMatches_Returns412()
    {
        await _client.CreatePatientAsync("cc-3");
        await _client.CreatePatientAsync("cc-3");
        var response = await ConditionalCreateAsync("cc-3");
        await response.AssertOutcomeAsync(HttpStatusCode.PreconditionFailed);
    }

    [Theory]
    [InlineData("identifier:in=http://example.org/vs")] // modifier not supported
    [InlineData("_count=1")] // result parameters are not criteria
    [InlineData("nonsense=1")]
    [InlineData("")]
    public async Task ConditionalCreate_UnsupportedCriteria_Returns400AndWritesNothing(string criteria)
    {
        var response = await _client.SendAsync(FhirHttp.Request(HttpMethod.Post, "/fhir/Patient", FhirHttp.Json(FhirHttp.NewPatient("cc-bad")),
            ("If-None-Exist", criteria.Length == 0 ? "&" : criteria)));
        await response.AssertOutcomeAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ConditionalCreate_Concurrent_CreatesExactlyOne()
    {
        // http.html#ccreate: concurrent identical conditional creates must not produce duplicates.
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => ConditionalCreateAsync("cc-race")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(11, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.ReadAsync<Patient>()).Id));
        Assert.Single(ids.Distinct());
    }

    [Fact]
    public async Task ConditionalCreate_SystemlessAndAnySystemForms_Match()
    {
        var created = await (await ConditionalCreateAsync("cc-4")).ReadAsync<Patient>();
        var anySystem = await ConditionalCreateAsync("cc-4", "identifier=cc-4");
        var byId = await ConditionalCreateAsync("cc-4", $"_id={created.Id}");
        var wrongSystem = await ConditionalCreateAsync("cc-4", "identifier=urn:other|cc-4");

        Assert.Equal(HttpStatusCode.OK, anySystem.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byId.StatusCode);
        Assert.Equal(HttpStatusCode.Created, wrongSystem.StatusCode);
    }

    [Fact]
    public async Task ConditionalUpdate_NoMatch_Creates201()
    {
        var response = await _client.PutAsync($"/fhir/Patient?{Criteria("cu-1")}", FhirHttp.Json(FhirHttp.NewPatient("cu-1")));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotNull(response.Headers.Location);
    }

    [Fact]
    public async Task ConditionalUpdate_OneMatch_UpdatesIt()
    {
        var created = await _client.CreatePatientAsync("cu-2");
        var body = FhirHttp.NewPatient("cu-2", family: "Renamed");
        var response = await _client.PutAsync($"/fhir/Patient?{Criteria("cu-2")}", FhirHttp.Json(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = await response.ReadAsync<Patient>();
        Assert.Equal(created.Id, updated.Id);
        Assert.Equal("2", updated.Meta.VersionId);
        Assert.Equal("Renamed", updated.Name[0].Family);
    }

    [Fact]
    public async Task ConditionalUpdate_OneMatchButOtherIdInBody_Returns400()
    {
        await _client.CreatePatientAsync("cu-3");
        var body = FhirHttp.NewPatient("cu-3");
        body.Id = "something-else";
        var response = await _client.PutAsync($"/fhir/Patient?{Criteria("cu-3")}", FhirHttp.Json(body));
        await response.AssertOutcomeAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ConditionalUpdate_MultipleMatches_Returns412()
    {
        await _client.CreatePatientAsync("cu-4");
        await _client.CreatePatientAsync("cu-4");
        var response = await _client.PutAsync($"/fhir/Patient?{Criteria("cu-4")}", FhirHttp.Json(FhirHttp.NewPatient("cu-4")));
        await response.AssertOutcomeAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task ConditionalDelete_OneMatch_DeletesIt()
    {
        var created = await _client.CreatePatientAsync("cd-1");
        var response = await _client.DeleteAsync($"/fhir/Patient?{Criteria("cd-1")}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await _client.GetAsync($"/fhir/Patient/{created.Id}")).StatusCode);
    }

    [Fact]
    public async Task ConditionalDelete_MultipleMatches_Returns412AndDeletesNothing()
    {
        var first = await _client.CreatePatientAsync("cd-2");
        await _client.CreatePatientAsync("cd-2");
        var response = await _client.DeleteAsync($"/fhir/Patient?{Criteria("cd-2")}");

        await response.AssertOutcomeAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/fhir/Patient/{first.Id}")).StatusCode);
    }

    [Fact]
    public async Task ConditionalDelete_NoMatch_Returns204()
    {
        var response = await _client.DeleteAsync($"/fhir/Patient?{Criteria("cd-none")}");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task ConditionalCreate_AfterUpdateChangesIdentifier_NoLongerMatchesOldValue()
    {
        // Only current versions are indexed: the old identifier must stop matching once it is updated away.
        var created = await _client.CreatePatientAsync("cc-old");
        created.Identifier[0].Value = "cc-new";
        Assert.Equal(HttpStatusCode.OK, (await _client.PutAsync($"/fhir/Patient/{created.Id}", FhirHttp.Json(created))).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await ConditionalCreateAsync("cc-old")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ConditionalCreateAsync("cc-new")).StatusCode);
    }
}
