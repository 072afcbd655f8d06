using System.ComponentModel.DataAnnotations;

namespace FhirOncology.Oncology.Referrals;

/// <summary>Configuration section <c>Referrals</c>: who reviews, how long a review may take, what counts as recent.</summary>
internal sealed class ReferralOptions
{
    public const string Section = "Referrals";

    /// <summary>Organization ids a referral Task may be owned by (Task.owner = Organization/{id}).</summary>
    public IList<string> ReviewingOrganizations { get; } = new List<string>();

    /// <summary>Business days (Monday to Friday) from acceptance to the due date, Task.restriction.period.end.</summary>
    [Range(1, 260)]
    public int ReviewBusinessDays { get; set; } = 10;

    /// <summary>How old, in days, the newest laboratory Observation may be for a referral to count as complete.</summary>
    [Range(1, 3650)]
    public int RecentLabDays { get; set; } = 30;
}
