using System.Net;
using FhirOncology.Core.Errors;
using FhirOncology.Core.Interactions;
using FhirOncology.Core.Security;
using Microsoft.Extensions.Options;

namespace FhirOncology.Api.Security.DevServer;

/// <summary>
/// At start-up, when the development server is enabled: creates the <see cref="DemoDirectory"/> resources that are
/// missing, as the server itself and through the normal write path (validated, indexed), so the demo users and
/// clients map to organisations that exist. Idempotent: what exists is left as it is. Registered after storage,
/// so it runs once the schema migrations have.
/// </summary>
internal sealed partial class DevDirectorySeeder(
    ResourceService resources, IOptions<AuthOptions> options, IHostEnvironment environment, ILogger<DevDirectorySeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!AuthOptionsValidator.DevServerEnabled(options.Value, environment))
        {
            return;
        }

        using (CallerContext.Use(Caller.Internal))
        {
            var directory = DemoDirectory.Resources();
            var created = 0;
            foreach (var resource in directory)
            {
                var id = resource.Id!; // every DemoDirectory entry has its fixed id
                if (!await ExistsAsync(resource.TypeName, id, cancellationToken))
                {
                    await resources.UpdateAsync(resource.TypeName, id, resource, ifMatch: null, cancellationToken);
                    created++;
                }
            }

            LogSeeded(created, directory.Count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A deleted entry (410) counts as missing and is recreated.</summary>
    private async Task<bool> ExistsAsync(string type, string id, CancellationToken ct)
    {
        try
        {
            await resources.ReadAsync(type, id, ct);
            return true;
        }
        catch (FhirException exception) when (exception.Status is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Development authorization server: created {Created} of {Total} demo directory resources")]
    private partial void LogSeeded(int created, int total);
}
