using FhirOncology.Core.Audit;
using FhirOncology.Core.Capabilities;
using FhirOncology.Core.History;
using FhirOncology.Core.Indexing;
using FhirOncology.Core.Interactions;
using FhirOncology.Core.Operations;
using FhirOncology.Core.Profiles;
using FhirOncology.Core.Resources;
using FhirOncology.Core.Search;
using FhirOncology.Core.Security;
using FhirOncology.Core.Serialization;
using FhirOncology.Core.Transactions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using FhirOncology.Validation;
using FhirOncology.Validation.Packages;

namespace FhirOncology.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>The FHIR engine: interactions, history, indexing, serialisation and the CapabilityStatement.</summary>
    public static IServiceCollection AddFhirCore(this IServiceCollection services)
    {
        services.AddOptions<FhirOptions>().BindConfiguration(FhirOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ResourceTypeRegistry>();
        services.AddSingleton<FhirSerializer>();
        services.AddSingleton<SearchParameterCatalog>();
        services.AddSingleton<SearchIndexer>();
        services.AddSingleton<ReindexService>();
        services.AddSingleton<SearchQueryParser>();
        services.AddSingleton<CallerContext>();
        services.AddSingleton<AccessPolicy>();
        services.AddSingleton<AccessRecorder>();
        services.AddOptions<ValidationOptions>().BindConfiguration(ValidationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider =>
        {
            // Loads the packages' indexes (not their files): done once, at start-up (the host warms it up).
            var options = provider.GetRequiredService<IOptions<ValidationOptions>>().Value;
            return ConformanceSource.FromManifest(options.PackageManifest, options.PackageCache);
        });
        // Our own profiles on top (Validation:ProfileFolder): loaded once, started by the host, awaited by every validation.
        services.AddSingleton<ProfileFolderLoader>();
        services.AddSingleton<IProfileValidator>(provider => new ProfileValidator(provider.GetRequiredService<ConformanceSource>()));
        services.AddSingleton<ResourceValidator>();
        services.AddSingleton<ResourceService>();
        services.AddSingleton<HistoryService>();
        services.AddSingleton<SearchService>();
        services.AddSingleton<BundleService>();
        services.AddSingleton<CapabilityStatementBuilder>();
        services.AddSingleton<OperationRegistry>();
        services.AddSingleton<Conformance.ConformanceArtifacts>();
        services.AddSingleton<AuditWriter>();
        services.AddSingleton<AuditChainVerifier>();
        return services;
    }
}
