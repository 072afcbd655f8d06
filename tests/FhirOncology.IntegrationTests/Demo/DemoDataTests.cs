using System.Net;
using FhirOncology.IntegrationTests.Infrastructure;
using FhirOncology.Oncology.Demo;
using Hl7.Fhir.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using FhirTask = Hl7.Fhir.Model.Task;

namespace FhirOncology.IntegrationTests.Demo;

/// <summary>The demo referrals of the one-command start (issue #6, "Demo and README").</summary>
public sealed class DemoDataTests(DemoServer server) : IClassFixture<DemoServer>
{
    [Fact]
    public async Task DemoData_OnStart_LoadsThreeReferralsForTheReviewCenter()
    {
        var tasks = await SearchAsync(server.Client("review-center"), "Task?owner=Organization/org-review-center");

        Assert.Equal(3, tasks.Count);
        // The completeness check ran on intake: the two complete referrals wait for the reviewer, the one lacking records
        // waits for them (on-hold, awaiting-information).
        Assert.Equal(2, tasks.Count(task => ((FhirTask)task).Status == FhirTask.TaskStatus.Requested));
        var missing = Assert.Single(await SearchAsync(server.Client("review-center"), "ServiceRequest?identifier=DEMO-NSCLC-MISSING"));
        var waiting = (FhirTask)Assert.Single(await SearchAsync(server.Client("review-center"), "Task?focus=ServiceRequest/" + missing.Id));
        Assert.Equal(FhirTask.TaskStatus.OnHold, waiting.Status);
        Assert.Equal("awaiting-information", waiting.BusinessStatus.Coding.Single().Code);
        Assert.NotEmpty(await SearchAsync(server.Client("ehr-north"), "CommunicationRequest?status=active"));
        Assert.Equal(2, (await SearchAsync(server.Client("ehr-north"), "ServiceRequest")).Count);
        var south = Assert.Single(await SearchAsync(server.Client("ehr-south"), "ServiceRequest"));
        Assert.Equal("DEMO-CRC-HER2", ((ServiceRequest)south).Identifier.Single().Value);
        foreach (var organization in new[] { "org-north-hospital", "org-south-clinic", "org-review-center" })
        {
            Assert.Equal(HttpStatusCode.OK, (await server.Client("ehr-south").GetAsync("/fhir/Organization/" + organization)).StatusCode);
        }
    }

    [Fact]
    public async Task DemoData_EveryResource_ValidatesWithoutErrors()
    {
        var reviewer = server.Client("review-center");
        var validated = 0;
        foreach (var task in await SearchAsync(reviewer, "Task?owner=Organization/org-review-center"))
        {
            var bundle = await (await reviewer.GetAsync($"/fhir/Task/{task.Id}/$case-bundle")).ReadAsync<Bundle>();
            foreach (var resource in bundle.Entry.Select(e => e.Resource))
            {
                var response = await reviewer.PostAsync($"/fhir/{resource.TypeName}/$validate", FhirHttp.Json(resource));
                var outcome = await response.ReadAsync<OperationOutcome>();
                Assert.True(!outcome.Issue.Any(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal),
                    $"{resource.TypeName}/{resource.Id}: {string.Join("; ", outcome.Issue.Select(i => i.Diagnostics ?? i.Details?.Text))}");
                validated++;
            }
        }

        Assert.True(validated >= 30, $"only {validated} resources validated");
    }

    [Fact]
    public async Task DemoData_LoadedAgain_IsIdempotent()
    {
        var loader = server.Services.GetServices<IHostedService>().OfType<DemoDataLoader>().Single();

        await loader.StartAsync(CancellationToken.None);

        Assert.Equal(3, (await SearchAsync(server.Client("review-center"), "Task?owner=Organization/org-review-center")).Count);
        Assert.Equal(3, (await SearchAsync(server.Client("review-center"), "Patient")).Count);
    }

    private static async Task<List<Resource>> SearchAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/fhir/" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.ReadAsync<Bundle>()).Entry.Where(e => e.Search?.Mode == Bundle.SearchEntryMode.Match).Select(e => e.Resource)];
    }
}
