using Hl7.Fhir.Model;

namespace FhirOncology.Oncology.Demo;

/// <summary>
/// Keeps the demo referrals "recent" whenever they are loaded: the completeness check wants laboratory results from
/// the last Referrals:RecentLabDays days, and the demo files carry fixed dates. Every laboratory Observation's
/// effective date moves to a few days before loading; nothing else changes.
/// </summary>
internal static class DemoDates
{
    private const int DaysBeforeLoading = 3;

    public static void RefreshLaboratoryResults(Bundle referral, DateTimeOffset now)
    {
        var date = new FhirDateTime(now.UtcDateTime.Date.AddDays(-DaysBeforeLoading).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        foreach (var observation in referral.Entry.Select(e => e.Resource).OfType<Observation>())
        {
            if (observation.Category.Any(c => c.Coding.Any(coding => coding.Code == "laboratory")) && observation.Effective is FhirDateTime)
            {
                observation.Effective = date;
            }
        }
    }
}
