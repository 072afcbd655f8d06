namespace FhirOncology.Oncology.Demo;

/// <summary>
/// One synthetic referral of the demo data: the transaction Bundle (an embedded resource, Demo/Referrals), the
/// referring organisation's client that submits it, and the referrer's identifier that makes loading idempotent.
/// </summary>
public sealed record DemoReferral(string File, string ClientId, string OrganizationId, string ReferralIdentifier)
{
    public const string NorthHospital = "org-north-hospital";
    public const string SouthClinic = "org-south-clinic";
    public const string ReviewCenter = "org-review-center";

    /// <summary>DOMAIN.md §4 cases 1, 4 and 3, all owned by the demo reviewing organisation.</summary>
    public static readonly IReadOnlyList<DemoReferral> All =
    [
        // The profile example (profiles/examples/Bundle-referral-nsclc-erbb2.json) as North Hospital sends it.
        new("nsclc-erbb2.json", "ehr-north", NorthHospital, "https://north-hospital.example.org/fhir/sid/referral|DEMO-NSCLC-ERBB2"),
        new("crc-her2.json", "ehr-south", SouthClinic, "https://south-clinic.example.org/fhir/sid/referral|DEMO-CRC-HER2"),
        // A 50-gene DNA panel only: no RNA, no PD-L1, no ROS1/RET/NTRK/METex14/ERBB2/KRAS results.
        new("nsclc-missing-records.json", "ehr-north", NorthHospital, "https://north-hospital.example.org/fhir/sid/referral|DEMO-NSCLC-MISSING"),
    ];

    public Stream Open() =>
        typeof(DemoReferral).Assembly.GetManifestResourceStream("FhirOncology.Oncology.Demo.Referrals." + File)
        ?? throw new InvalidOperationException($"Demo referral {File} is not embedded.");
}
