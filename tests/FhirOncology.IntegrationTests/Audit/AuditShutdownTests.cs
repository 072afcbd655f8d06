using FhirOncology.Api.Audit;
using FhirOncology.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FhirOncology.IntegrationTests.Audit;

/// <summary>Stopping the audit writer (as the host does at shutdown, after the web server) writes every queued record first.</summary>
public sealed class AuditShutdownTests
{
    [Fact]
    public async Task StoppingTheWriter_WritesEveryQueuedRecordFirst()
    {
        await using var factory = new AuditServerFactory();
        var client = factory.CreateClient();
        var before = (await factory.ReadAuditLogAsync()).Count;
        const int requests = 300;
        var responses = await Task.WhenAll(Enumerable.Range(0, requests).Select(_ => client.GetAsync("/fhir/metadata")));
        Assert.All(responses, response => Assert.True(response.IsSuccessStatusCode));
        var queue = factory.Services.GetRequiredService<AuditQueue>();
        var writer = factory.Services.GetServices<IHostedService>().OfType<AuditWriterService>().Single();

        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(0, queue.Pending);
        Assert.Equal(before + requests, (await factory.ReadAuditLogAsync()).Count);
        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => queue.EnqueueAsync(null!, CancellationToken.None).AsTask()); // closed: never a silent drop
    }
}
