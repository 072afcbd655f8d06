using FhirOncology.Core.Interactions;
using FhirOncology.Core.Operations;
using FhirOncology.Core.Transactions;
using FhirOncology.Oncology.Intake;
using FhirOncology.Oncology.Referrals;
using FhirOncology.Oncology.Workflow;
using FhirOncology.Oncology.CaseBundles;
using FhirOncology.Oncology.Demo;
using FhirOncology.Oncology.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace FhirOncology.Oncology;

public static class OncologyServiceCollectionExtensions
{
    /// <summary>
    /// The second-opinion domain: the resource types of the referral round trip, referral intake (a transaction hook),
    /// the completeness check and its missing-records loop, the referral Task's state machine (write hooks), case
    /// bundles, report delivery ($submit-report, $document, immutable reports, the case-changed flag) and the demo
    /// data. Register after storage, so the demo data loads once the schema migrations have run.
    /// </summary>
    public static IServiceCollection AddOncology(this IServiceCollection services)
    {
        services.AddSingleton(ReferralResourceTypes.All);
        services.AddOptions<ReferralOptions>().BindConfiguration(ReferralOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CaseRecords>();
        services.AddSingleton<ReferralParties>();
        services.AddSingleton<TaskHistory>();
        services.AddSingleton<CompletenessCheck>();
        services.AddSingleton<InformationRequests>();
        services.AddSingleton<Resubmissions>();
        services.AddSingleton<ITransactionHook, ReferralIntakeHook>();
        services.AddSingleton<IWriteHook, ReferralTaskHook>();
        services.AddSingleton<IWriteHook, CaseSupplyHook>();
        services.AddSingleton<IFhirOperation, CheckCompletenessOperation>();

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
