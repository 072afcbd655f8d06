namespace FhirOncology.Oncology.Intake;

/// <summary>One search that finds a record of the case; <c>{patient}</c> and <c>{since}</c> are filled in per check.</summary>
internal sealed record RecordSearch(string Type, IReadOnlyList<(string Name, string Value)> Criteria);

/// <summary>
/// One kind of record a complete referral holds, coded from our missing-record-kind CodeSystem, with what to ask the
/// referrer for and the searches that find it (any match: present).
/// </summary>
internal sealed record RecordRequirement(string Code, string Display, string Request, bool MolecularOnly, IReadOnlyList<RecordSearch> Searches);
