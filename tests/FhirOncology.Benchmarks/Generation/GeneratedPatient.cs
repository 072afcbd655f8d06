namespace FhirOncology.Benchmarks.Generation;

/// <summary>What the search benchmark needs to know about a generated patient, before the server has assigned ids.</summary>
/// <param name="Identifier">The Patient's identifier value in urn:oid:2.16.840.1.113883.4.1.</param>
/// <param name="Referral">The ServiceRequest's identifier value in urn:fhironcology:referral.</param>
/// <param name="RequesterId">The Practitioner who requested the referral.</param>
/// <param name="AuthoredOn">The referral's authoredOn date (yyyy-MM-dd).</param>
/// <param name="LabCode">A LOINC code the patient certainly has a lab Observation for.</param>
internal sealed record GeneratedPatient(string Identifier, string Referral, string RequesterId, string AuthoredOn, string LabCode);
