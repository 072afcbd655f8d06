namespace FhirOncology.Api.Audit;

public static class AuditServiceCollectionExtensions
{
    /// <summary>The audit trail (issue #5): the request queue and the background writer that drains it.</summary>
    public static IServiceCollection AddFhirAudit(this IServiceCollection services)
    {
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AuditQueue>();
        services.AddHostedService<AuditWriterService>();
        return services;
    }

    /// <summary>Must come first in the pipeline, so every request under [base] is recorded with the status it ended with.</summary>
    public static IApplicationBuilder UseFhirAudit(this IApplicationBuilder app) => app.UseMiddleware<AuditMiddleware>();
}
