using FhirOncology.Core.Capabilities;
using FhirOncology.Core.History;
using FhirOncology.Core.Indexing;
using FhirOncology.Core.Interactions;
using FhirOncology.Core.Resources;
using FhirOncology.Core.Search;
using FhirOncology.Core.Serialization;
using FhirOncology.Core.Transactions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
        services.TryAddSingleton<IAccessScope, UnrestrictedAccessScope>();
        services.AddSingleton<ResourceService>();
        services.AddSingleton<HistoryService>();
        services.AddSingleton<SearchService>();
        services.AddSingleton<BundleService>();
        services.AddSingleton<CapabilityStatementBuilder>();
        return services;
    }
}
