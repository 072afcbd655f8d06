using FhirOncology.Core.Storage;
using FhirOncology.Storage.Audit;
using FhirOncology.Storage.Dialects;
using FhirOncology.Storage.Migrations;
using FhirOncology.Storage.Resources;
using FhirOncology.Storage.Search;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FhirOncology.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The Dapper resource store on the configured database (<c>Storage:Provider</c>), with its schema migrated
    /// before the host starts serving.
    /// </summary>
    public static IServiceCollection AddFhirStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.Provider != StorageProvider.SqlServer || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Storage:ConnectionString is required when Storage:Provider is SqlServer.")
            .ValidateOnStart();
        services.AddSingleton(CreateDialect);
        services.AddSingleton<SurrogateIdGenerator>();
        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<SearchRunner>();
        services.AddSingleton<IResourceStore, DapperResourceStore>();
        services.AddSingleton<IReindexStore, DapperReindexStore>();
        services.AddSingleton<IAuditLogStore, DapperAuditLogStore>();
        services.AddHostedService<SchemaMigrationService>();
        return services;
    }

    private static SqlDialect CreateDialect(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
        return options.Provider switch
        {
            StorageProvider.SqlServer => new SqlServerDialect(options.ConnectionString!),
            _ => new SqliteDialect(string.IsNullOrWhiteSpace(options.ConnectionString)
                ? new SqliteConnectionStringBuilder { DataSource = Path.Combine(options.DataDirectory, "fhironcology.db"), Pooling = true }.ToString()
                : options.ConnectionString),
        };
    }
}
