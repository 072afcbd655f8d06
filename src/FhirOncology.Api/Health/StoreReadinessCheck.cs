using FhirOncology.Core.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FhirOncology.Api.Health;

/// <summary>Ready when the database answers and its schema is current.</summary>
internal sealed class StoreReadinessCheck(IResourceStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await store.IsReadyAsync(cancellationToken)
                ? HealthCheckResult.Healthy("Database reachable, schema current.")
                : HealthCheckResult.Unhealthy("Database schema is not current.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Database unreachable: " + ex.GetType().Name);
        }
    }
}
