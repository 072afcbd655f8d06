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
                created += await resources.CreateIfMissingAsync(resource, cancellationToken) ? 1 : 0;
            }

            LogSeeded(created, directory.Count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Development authorization server: created {Created} of {Total} demo directory resources")]
    private partial void LogSeeded(int created, int total);
}
