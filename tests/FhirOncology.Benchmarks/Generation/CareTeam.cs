namespace FhirOncology.Benchmarks.Generation;

/// <summary>The Organizations and Practitioners every generated patient refers to, by logical id on the server.</summary>
/// <param name="ReviewerIds">The three reviewing Organizations (tumour boards) that own the referral Tasks.</param>
/// <param name="ReferrerIds">The referring hospitals, each patient's managingOrganization.</param>
/// <param name="PractitionerIds">Referring oncologists: ServiceRequest and MedicationRequest requesters.</param>
internal sealed record CareTeam(IReadOnlyList<string> ReviewerIds, IReadOnlyList<string> ReferrerIds, IReadOnlyList<string> PractitionerIds);
