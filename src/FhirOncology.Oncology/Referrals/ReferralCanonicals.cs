namespace FhirOncology.Oncology.Referrals;

/// <summary>Canonical URLs of our referral profiles and code systems (profiles/definitions; profiles/README.md).</summary>
internal static class ReferralCanonicals
{
    public const string Base = "https://fhironcology.org/fhir";
    public const string ServiceRequestProfile = Base + "/StructureDefinition/referral-servicerequest";
    public const string TaskProfile = Base + "/StructureDefinition/referral-task";
    public const string ReviewType = Base + "/CodeSystem/review-type";
    public const string BusinessStatus = Base + "/CodeSystem/referral-business-status";
    public const string MissingRecordKind = Base + "/CodeSystem/missing-record-kind";
}
