using FhirOncology.Core.Interactions;
using FhirOncology.Core.Operations;
using FhirOncology.Oncology.CaseBundles;
using FhirOncology.Oncology.Demo;
using FhirOncology.Oncology.Referrals;
using FhirOncology.Oncology.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace FhirOncology.Oncology;

public static class OncologyServiceCollectionExtensions
{
    /// <summary>
    /// The second-opinion domain: the resource types of the referral round trip, case bundles, report delivery
    /// ($submit-report, $document, immutable reports, the case-changed flag) and the demo data. Register after
    /// storage, so the demo data loads once the schema migrations have run.
    /// </summary>
    public static IServiceCollection AddOncology(this IServiceCollection services)
    {
        services.AddSingleton(ReferralResourceTypes.All);

        services.AddSingleton<CaseBundleBuilder>();
        services.AddSingleton<IFhirOperation, CaseBundleOperation>();

        services.AddSingleton<IFhirOperation, SubmitReportOperation>();
        services.AddSingleton<IFhirOperation, DocumentOperation>();
        services.AddSingleton<IWriteHook, ReportImmutabilityHook>();
        services.AddSingleton<IWriteHook, CaseChangeHook>();

        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        services.AddHostedService<DemoDataLoader>();
        return services;
    }
}
