using FhirOncology.Oncology.Referrals;
using Microsoft.Extensions.DependencyInjection;

namespace FhirOncology.Oncology;

public static class OncologyServiceCollectionExtensions
{
    /// <summary>The second-opinion domain: for now, the resource types the referral round trip needs.</summary>
    public static IServiceCollection AddOncology(this IServiceCollection services)
    {
        services.AddSingleton(ReferralResourceTypes.All);
        return services;
    }
}
