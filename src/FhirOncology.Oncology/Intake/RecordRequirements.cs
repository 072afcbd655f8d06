namespace FhirOncology.Oncology.Intake;

/// <summary>
/// What a complete second-opinion referral holds (issue #6, Intake; DOMAIN.md §1.1), as searches over the patient's
/// case. Codes: LOINC and SNOMED CT as mCODE 4.0.0 and Genomics Reporting use them; HL7 v2-0074 diagnostic service
/// sections for report categories; the mCODE and GR profiles where a record claims one. Records marked
/// entered-in-error do not count. Laboratory results count when effective within Referrals:RecentLabDays.
/// </summary>
internal static class RecordRequirements
{
    public const string Patient = "{patient}";
    public const string Since = "{since}";

    private const string Loinc = "http://loinc.org|";
    private const string Snomed = "http://snomed.info/sct|";
    private const string V20074 = "http://terminology.hl7.org/CodeSystem/v2-0074|";
    private const string Mcode = "http://hl7.org/fhir/us/mcode/StructureDefinition/";
    private const string EnteredInError = "entered-in-error";

    // Pathology: LOINC 11526-1 Pathology study, 11529-5 Surgical pathology study, 60568-3 Pathology synoptic report,
    // 22637-3 Pathology report final diagnosis; v2-0074 PAT pathology, SP surgical pathology, CP cytopathology.
    private const string PathologyCodes = Loinc + "11526-1," + Loinc + "11529-5," + Loinc + "60568-3," + Loinc + "22637-3";
    private const string PathologySections = V20074 + "PAT," + V20074 + "SP," + V20074 + "CP";

    // Imaging: LOINC 18748-4 Diagnostic imaging study; v2-0074 RAD radiology, CT, NMR, NMS nuclear medicine, RUS ultrasound;
    // LOINC LP29684-5 Radiology (the US Core DiagnosticReport category).
    private const string ImagingCodes = Loinc + "18748-4";
    private const string ImagingSections = V20074 + "RAD," + V20074 + "CT," + V20074 + "NMR," + V20074 + "NMS," + V20074 + "RUS," + Loinc + "LP29684-5";

    // Stage: SNOMED 399537006 clinical / 399588009 pathological TNM stage grouping, LOINC 21908-9 / 21902-2 stage group.
    private const string StageCodes = Snomed + "399537006," + Snomed + "399588009," + Loinc + "21908-9," + Loinc + "21902-2";

    // Performance status: LOINC 89247-1 ECOG, 89243-0 Karnofsky.
    private const string PerformanceCodes = Loinc + "89247-1," + Loinc + "89243-0";

    // Genomics: LOINC 51969-4 Genetic analysis report; v2-0074 GE genetics.
    private const string GenomicCodes = Loinc + "51969-4";

    public static readonly IReadOnlyList<RecordRequirement> All =
    [
        new("diagnosis", "Diagnosis", "the primary cancer diagnosis (Condition, e.g. mCODE PrimaryCancerCondition) the referral's reasonReference names",
            false,
        [
            // The referral's reasonReference is checked separately (it may name a Condition stored earlier).
            new("Condition", [("patient", Patient), ("_profile", Mcode + "mcode-primary-cancer-condition")]),
        ]),
        new("stage", "Stage", "the cancer stage (TNM stage group Observation or Condition.stage)", false,
        [
            new("Observation", [("patient", Patient), ("code", StageCodes), ("status:not", EnteredInError)]),
            new("Observation", [("patient", Patient), ("_profile", Mcode + "mcode-tnm-stage-group"), ("status:not", EnteredInError)]),
            new("Condition", [("patient", Patient), ("stage:missing", "false")]),
        ]),
        new("performance-status", "Performance status", "a performance status (ECOG or Karnofsky Observation)", false,
        [
            new("Observation", [("patient", Patient), ("code", PerformanceCodes), ("status:not", EnteredInError)]),
        ]),
        new("pathology-report", "Pathology report", "the pathology report (DiagnosticReport or DocumentReference)", false,
        [
            new("DiagnosticReport", [("patient", Patient), ("category", PathologySections), ("status:not", EnteredInError)]),
            new("DiagnosticReport", [("patient", Patient), ("code", PathologyCodes), ("status:not", EnteredInError)]),
            new("DocumentReference", [("patient", Patient), ("type", PathologyCodes), ("status:not", EnteredInError)]),
        ]),
        new("imaging-report", "Imaging report", "the imaging reports, e.g. the staging CT or PET-CT (DiagnosticReport or DocumentReference)", false,
        [
            new("DiagnosticReport", [("patient", Patient), ("category", ImagingSections), ("status:not", EnteredInError)]),
            new("DiagnosticReport", [("patient", Patient), ("code", ImagingCodes), ("status:not", EnteredInError)]),
            new("DocumentReference", [("patient", Patient), ("type", ImagingCodes), ("status:not", EnteredInError)]),
        ]),
        new("treatment-history", "Treatment history", "the treatment so far (Procedure, MedicationRequest, MedicationStatement or MedicationAdministration)", false,
        [
            new("Procedure", [("patient", Patient), ("status:not", EnteredInError)]),
            new("MedicationRequest", [("patient", Patient), ("status:not", EnteredInError)]),
            new("MedicationStatement", [("patient", Patient), ("status:not", EnteredInError)]),
            new("MedicationAdministration", [("patient", Patient), ("status:not", EnteredInError)]),
        ]),
        new("recent-labs", "Recent laboratory results", "recent laboratory results (Observation category laboratory)", false,
        [
            new("Observation", [("patient", Patient), ("category", "http://terminology.hl7.org/CodeSystem/observation-category|laboratory"),
                ("date", "ge" + Since), ("status:not", EnteredInError)]),
        ]),
        new("genomic-report", "Genomic report", "the genomic (NGS) report, needed for a molecular review", true,
        [
            new("DiagnosticReport", [("patient", Patient), ("code", GenomicCodes), ("status:not", EnteredInError)]),
            new("DiagnosticReport", [("patient", Patient), ("category", V20074 + "GE"), ("status:not", EnteredInError)]),
            new("DocumentReference", [("patient", Patient), ("type", GenomicCodes), ("status:not", EnteredInError)]),
        ]),
    ];
}
