using Hl7.Fhir.Model;
using FhirTask = Hl7.Fhir.Model.Task;

namespace FhirOncology.Oncology.Referrals;

/// <summary>
/// What makes a resource part of the referral round trip: it claims our profile in meta.profile (the server
/// validates every write against the profiles it claims, so a claim is a checked promise).
/// </summary>
internal static class ReferralResources
{
    public const string Received = "received";
    public const string AwaitingInformation = "awaiting-information";
    public const string InformationReceived = "information-received";

    public static bool Claims(Resource? resource, string profile) => resource?.Meta?.Profile?.Contains(profile) == true;

    public static bool IsReferralTask(Resource? resource) => resource is FhirTask && Claims(resource, ReferralCanonicals.TaskProfile);

    public static bool IsReferralServiceRequest(Resource? resource) =>
        resource is ServiceRequest && Claims(resource, ReferralCanonicals.ServiceRequestProfile);

    /// <summary>review-type#molecular: the review that needs the genomic report.</summary>
    public static bool IsMolecularReview(ServiceRequest? referral) =>
        referral?.Code?.Coding.Any(c => c.System == ReferralCanonicals.ReviewType && c.Code == "molecular") == true;

    public static string? BusinessStatusCode(FhirTask task) =>
        task.BusinessStatus?.Coding.FirstOrDefault(c => c.System == ReferralCanonicals.BusinessStatus)?.Code;

    public static CodeableConcept BusinessStatus(string code) => new(ReferralCanonicals.BusinessStatus, code, code switch
    {
        Received => "Received",
        AwaitingInformation => "Awaiting information",
        InformationReceived => "Information received",
        _ => null,
    });

    /// <summary>task.html: the FHIR status code as written on the wire (e.g. in-progress).</summary>
    public static string Code(this FhirTask.TaskStatus? status) => status is { } value ? Hl7.Fhir.Utility.EnumUtility.GetLiteral(value) ?? value.ToString() : "(none)";
}
