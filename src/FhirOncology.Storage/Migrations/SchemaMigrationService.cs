using Microsoft.Extensions.Hosting;

namespace FhirOncology.Storage.Migrations;

/// <summary>Applies pending migrations before the server accepts requests (hosted services start first).</summary>
internal sealed class SchemaMigrationService(SchemaMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
