namespace FhirOncology.Benchmarks.SearchBench;

/// <summary>One loaded patient, as the referral queries look it up.</summary>
/// <param name="PatientId">Logical id of the Patient.</param>
/// <param name="PatientIdentifier">Its identifier value in urn:oid:2.16.840.1.113883.4.1.</param>
/// <param name="Referral">Its ServiceRequest's identifier value in urn:fhironcology:referral.</param>
/// <param name="RequesterId">Logical id of the Practitioner who requested the referral.</param>
/// <param name="AuthoredOn">The referral's authoredOn date (yyyy-MM-dd).</param>
/// <param name="LabCode">A LOINC code the patient has a lab Observation for; null when not known (discovered inputs).</param>
internal sealed record ReferralSample(
    string PatientId, string PatientIdentifier, string Referral, string RequesterId, string AuthoredOn, string? LabCode);
