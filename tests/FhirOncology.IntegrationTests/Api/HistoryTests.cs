using System.Net;
using FhirOncology.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;

namespace FhirOncology.IntegrationTests.Api;

/// <summary>History at instance, type and system level, _since, _count and paging (http.html#history).</summary>
public sealed class HistoryTests(FhirServerFactory factory) : IClassFixture<FhirServerFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<Patient> CreateWithVersionsAsync(string mrn, int versions)
    {
        var patient = await _client.CreatePatientAsync(mrn);
        for (var i = 2; i <= versions; i++)
        {
            patient.Name[0].Given = [$"Given{i}"];
            Assert.Equal(HttpStatusCode.OK, (await _client.PutAsync($"/fhir/Patient/{patient.Id}", FhirHttp.Json(patient))).StatusCode);
        }

        return patient;
    }

    [Fact]
    public async Task InstanceHistory_ListsVersionsNewestFirstWithRequestAndResponse()
    {
        var patient = await CreateWithVersionsAsync("hist-1", 3);
        await _client.DeleteAsync($"/fhir/Patient/{patient.Id}");

        var response = await _client.GetAsync($"/fhir/Patient/{patient.Id}/_history");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bundle = await response.ReadAsync<Bundle>();

        Assert.Equal(Bundle.BundleType.History, bundle.Type);
        Assert.Equal(["W/\"4\"", "W/\"3\"", "W/\"2\"", "W/\"1\""], bundle.Entry.Select(e => e.Response.Etag));
        Assert.Equal([Bundle.HTTPVerb.DELETE, Bundle.HTTPVerb.PUT, Bundle.HTTPVerb.PUT, Bundle.HTTPVerb.POST], bundle.Entry.Select(e => e.Request.Method!.Value));
        Assert.Null(bundle.Entry[0].Resource); // a deletion has no resource
        Assert.Equal("Patient", bundle.Entry[3].Request.Url);
        Assert.Equal($"Patient/{patient.Id}", bundle.Entry[1].Request.Url);
        Assert.Equal("201 Created", bundle.Entry[3].Response.Status);
        Assert.All(bundle.Entry, e => Assert.Equal($"http://localhost/fhir/Patient/{patient.Id}", e.FullUrl));
        Assert.All(bundle.Entry, e => Assert.NotNull(e.Response.LastModified));
    }

    [Fact]
    public async Task InstanceHistory_PagesWithNextLinksUntilDone()
    {
        var patient = await CreateWithVersionsAsync("hist-2", 7);
        var url = $"/fhir/Patient/{patient.Id}/_history?_count=3";
        var etags = new List<string>();
        var pages = 0;
        while (url is not null)
        {
            var bundle = await (await _client.GetAsync(url)).ReadAsync<Bundle>();
            Assert.True(bundle.Entry.Count <= 3);
            etags.AddRange(bundle.Entry.Select(e => e.Response.Etag));
            Assert.NotNull(bundle.SelfLink);
            url = bundle.NextLink?.PathAndQuery;
            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(1, 7).Reverse().Select(v => $"W/\"{v}\""), etags);
    }

    [Fact]
    public async Task InstanceHistory_PagingStaysStableWhileNewVersionsArrive()
    {
        var patient = await CreateWithVersionsAsync("hist-3", 4);
        var first = await (await _client.GetAsync($"/fhir/Patient/{patient.Id}/_history?_count=2")).ReadAsync<Bundle>();
        await _client.PutAsync($"/fhir/Patient/{patient.Id}", FhirHttp.Json(patient)); // version 5 arrives mid-paging

        var second = await (await _client.GetAsync(first.NextLink!.PathAndQuery)).ReadAsync<Bundle>();

        Assert.Equal(["W/\"4\"", "W/\"3\""], first.Entry.Select(e => e.Response.Etag));
        Assert.Equal(["W/\"2\"", "W/\"1\""], second.Entry.Select(e => e.Response.Etag));
        Assert.Null(second.NextLink);
    }

    [Fact]
    public async Task InstanceHistory_Since_ExcludesOlderVersions()
    {
        var patient = await CreateWithVersionsAsync("hist-4", 2);
        var v2 = await (await _client.GetAsync($"/fhir/Patient/{patient.Id}/_history/2")).ReadAsync<Patient>();
        await Task.Delay(5);
        await _client.PutAsync($"/fhir/Patient/{patient.Id}", FhirHttp.Json(patient));

        var since = Uri.EscapeDataString(v2.Meta.LastUpdated!.Value.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture));
        var bundle = await (await _client.GetAsync($"/fhir/Patient/{patient.Id}/_history?_since={since}")).ReadAsync<Bundle>();

        Assert.Equal(["W/\"3\"", "W/\"2\""], bundle.Entry.Select(e => e.Response.Etag));
    }

    [Fact]
    public async Task TypeAndSystemHistory_IncludeNewWrites()
    {
        var patient = await _client.CreatePatientAsync("hist-5");
        var observation = await (await _client.PostAsync("/fhir/Observation",
            FhirHttp.Json(new Observation { Status = ObservationStatus.Final, Code = new CodeableConcept("http://loinc.org", "8480-6") }))).ReadAsync<Observation>();

        var typeHistory = await (await _client.GetAsync("/fhir/Patient/_history?_count=1000")).ReadAsync<Bundle>();
        var systemHistory = await (await _client.GetAsync("/fhir/_history?_count=1000")).ReadAsync<Bundle>();

        Assert.Contains(typeHistory.Entry, e => e.Resource?.Id == patient.Id);
        Assert.DoesNotContain(typeHistory.Entry, e => e.Resource is Observation);
        Assert.Contains(systemHistory.Entry, e => e.Resource?.Id == patient.Id);
        Assert.Contains(systemHistory.Entry, e => e.Resource?.Id == observation.Id);
    }

    [Fact]
    public async Task InstanceHistory_UnknownResource_Returns404()
    {
        await (await _client.GetAsync("/fhir/Patient/nobody/_history")).AssertOutcomeAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("_since=yesterday")]
    [InlineData("_since=2026-01-01")] // a date is not an instant
    [InlineData("_count=-1")]
    [InlineData("_count=ten")]
    [InlineData("_cursor=not-a-cursor")]
    public async Task History_InvalidParameters_Return400(string query)
    {
        await (await _client.GetAsync($"/fhir/_history?{query}")).AssertOutcomeAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task History_CountZero_ReturnsNoEntries()
    {
        await _client.CreatePatientAsync("hist-6");
        var bundle = await (await _client.GetAsync("/fhir/_history?_count=0")).ReadAsync<Bundle>();
        Assert.Empty(bundle.Entry);
        Assert.Null(bundle.NextLink);
    }
}
