using System.Net;
using System.Text;
using FhirOncology.Core.Indexing;
using FhirOncology.Core.Storage;
using FhirOncology.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;
using Microsoft.Extensions.DependencyInjection;

namespace FhirOncology.IntegrationTests.Api;

/// <summary>Our own SearchParameters (conformance/SearchParameters) and the reindex job that applies changed definitions.</summary>
public sealed class ReindexTests(FhirServerFactory factory) : IClassFixture<FhirServerFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<Parameters> WaitUntilCurrentAsync()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var status = await (await _client.GetAsync("/fhir/$reindex")).ReadAsync<Parameters>();
            if (status.GetSingleValue<Code>("status")?.Value == "current")
            {
                return status;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The reindex job did not complete within 10 s.");
    }

    [Fact]
    public async Task CustomSearchParameters_FindOverdueTasksAndGenes()
    {
        var due = await _client.PostAsync("/fhir/Task", FhirHttp.Json(new Hl7.Fhir.Model.Task
        {
            Status = Hl7.Fhir.Model.Task.TaskStatus.InProgress,
            Intent = Hl7.Fhir.Model.Task.TaskIntent.Order,
            Restriction = new Hl7.Fhir.Model.Task.RestrictionComponent { Period = new Period { End = "2020-01-15" } },
        }));
        var variant = await _client.PostAsync("/fhir/Observation", FhirHttp.Json(new Observation
        {
            Status = ObservationStatus.Final,
            Code = new CodeableConcept("http://loinc.org", "69548-6"),
            Component = [new Observation.ComponentComponent { Code = new CodeableConcept("http://loinc.org", "48018-6"), Value = new CodeableConcept("http://www.genenames.org/geneId", "HGNC:3430") }],
        }));
        var taskId = (await due.ReadAsync<Hl7.Fhir.Model.Task>()).Id;
        var observationId = (await variant.ReadAsync<Observation>()).Id;

        var overdue = await (await _client.GetAsync("/fhir/Task?due-date=lt2020-02-01&status=in-progress")).ReadAsync<Bundle>();
        var genes = await (await _client.GetAsync("/fhir/Observation?gene=http://www.genenames.org/geneId|HGNC:3430")).ReadAsync<Bundle>();

        Assert.Contains(overdue.Entry, e => e.Resource.Id == taskId);
        Assert.Contains(genes.Entry, e => e.Resource.Id == observationId);
    }

    [Fact]
    public async Task Reindex_RebuildsStaleIndexRowsAndReportsProgress()
    {
        await WaitUntilCurrentAsync();
        // A version written without index rows stands for one indexed under older definitions.
        var store = factory.Services.GetRequiredService<IResourceStore>();
        var id = Guid.NewGuid().ToString("N");
        var json = Encoding.UTF8.GetBytes($"{{\"resourceType\":\"Patient\",\"id\":\"{id}\",\"meta\":{{\"versionId\":\"1\"}},\"gender\":\"unknown\",\"identifier\":[{{\"system\":\"urn:stale\",\"value\":\"{id}\"}}]}}");
        await using (var transaction = await store.BeginWriteAsync(CancellationToken.None))
        {
            await transaction.SaveAsync(new NewVersion(new ResourceKey("Patient", id), 1, DateTimeOffset.UtcNow, WriteMethod.Create, json, SearchIndexEntries.None), CancellationToken.None);
            await transaction.GrantAsync(new ResourceKey("Patient", id), [FhirServerFactory.DefaultOrganization], CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
        }

        Assert.Empty((await (await _client.GetAsync($"/fhir/Patient?identifier=urn:stale|{id}")).ReadAsync<Bundle>()).Entry);
        var start = await _client.PostAsync("/fhir/$reindex", null);
        Assert.True(start.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.Conflict);
        var status = await WaitUntilCurrentAsync();

        Assert.Single((await (await _client.GetAsync($"/fhir/Patient?identifier=urn:stale|{id}")).ReadAsync<Bundle>()).Entry);
        // total counts the resources when the run started; the run also goes over what is written meanwhile —
        // here at least the AuditEvents of the status requests above, recorded in the background.
        Assert.True(status.GetSingleValue<FhirDecimal>("processed")?.Value >= status.GetSingleValue<FhirDecimal>("total")?.Value);
    }

    [Fact]
    public async Task Reindex_InterruptedRun_ResumesAfterItsLastBatch()
    {
        await WaitUntilCurrentAsync();
        await _client.CreatePatientAsync("resume-1");
        await _client.CreatePatientAsync("resume-2");
        await factory.WaitForAuditAsync(); // no AuditEvent may be written after the snapshot below
        var reindexStore = factory.Services.GetRequiredService<IReindexStore>();
        var reindex = factory.Services.GetRequiredService<ReindexService>();
        var all = await reindexStore.ReadCurrentAsync(0, 100_000, CancellationToken.None);
        // A run for the current definitions stopped after all but the last resource.
        await reindexStore.SaveStateAsync(new ReindexState(reindex.TargetHash, all[^2].SurrogateId, all.Count - 1, all.Count, DateTimeOffset.UtcNow, null), CancellationToken.None);

        var finished = await reindex.RunAsync(force: false, CancellationToken.None);

        Assert.Equal(all.Count, finished.Processed); // only the remaining one was processed
        Assert.NotNull(finished.CompletedAt);
    }
}
