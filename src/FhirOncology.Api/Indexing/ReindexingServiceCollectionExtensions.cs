namespace FhirOncology.Api.Indexing;

public static class ReindexingServiceCollectionExtensions
{
    /// <summary>The reindex job, run in the background from start-up; one instance serves both the worker and $reindex.</summary>
    public static IServiceCollection AddFhirReindexing(this IServiceCollection services)
    {
        services.AddSingleton<ReindexRunner>();
        services.AddHostedService(provider => provider.GetRequiredService<ReindexRunner>());
        return services;
    }
}
