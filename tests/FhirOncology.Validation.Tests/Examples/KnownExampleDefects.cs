namespace FhirOncology.Validation.Tests.Examples;

/// <summary>
/// Package examples that truly break a FHIR rule, each with the rule and where the validator reports it. Every error
/// of such an example must match one of its defects, and every defect must be reported.
/// </summary>
/// <remarks>
/// mCODE 4.0.0 was published against Genomics Reporting 2.0.0 (its package.json depends on
/// hl7.fhir.uv.genomics-reporting 2.0.0); its genomic implication examples declare the unversioned GR canonicals,
/// which resolve to GR 3.0.0 in our manifest. GR 3.0.0 makes <c>Observation.category</c> 2..* with the required
/// slices <c>labCategory</c> (laboratory) and <c>geCategory</c> (genomics, profiling.html#slicing: slice cardinality),
/// and these examples carry only <c>laboratory</c>. The GR 3.0.0 examples of the same profiles carry both and pass.
/// For the same reason the therapeutic implication examples code a component <c>predicted-therapeutic-implication</c>
/// from <c>http://hl7.org/fhir/uv/genomics-reporting/CodeSystem/tbd-codes-cs</c>, a code GR 2.0.0 defined and the
/// complete GR 3.0.0 code system no longer does (terminologies.html: a code must be defined by its code system).
/// </remarks>
public static class KnownExampleDefects
{
    private const string MissingGenomicsCategory =
        "GR 3.0.0 diagnostic/therapeutic-implication: Observation.category 2..* with required slice geCategory";

    private const string RetiredTbdCode =
        "GR 3.0.0 tbd-codes-cs (content complete) defines no 'predicted-therapeutic-implication' (a GR 2.0.0 code)";

    private static readonly KnownDefect[] ImplicationDefects =
    [
        new(MissingGenomicsCategory, "Observation", "category:geCategory: at least 1 required"),
        new(MissingGenomicsCategory, "Observation", "category: at least 2 required"),
    ];

    private static readonly KnownDefect[] TherapeuticImplicationDefects =
    [
        .. ImplicationDefects,
        new(RetiredTbdCode, "Observation.component[", "Unknown code 'predicted-therapeutic-implication'"),
    ];

    private static readonly Dictionary<string, KnownDefect[]> Defects = new(StringComparer.Ordinal)
    {
        ["Observation-gx-genomic-diagnostic-implication-bap1.json"] = ImplicationDefects,
        ["Observation-gx-genomic-diagnostic-implication-pof1b.json"] = ImplicationDefects,
        ["Observation-gx-genomic-diagnostic-implication-polrmt.json"] = ImplicationDefects,
        ["Observation-gx-genomic-therapeutic-implication-alectinib.json"] = TherapeuticImplicationDefects,
        ["Observation-gx-genomic-therapeutic-implication-brigatinib.json"] = TherapeuticImplicationDefects,
        ["Observation-gx-genomic-therapeutic-implication-ceritinib.json"] = TherapeuticImplicationDefects,
        ["Observation-gx-genomic-therapeutic-implication-crizotinib.json"] = TherapeuticImplicationDefects,
        ["Observation-gx-genomic-therapeutic-implication-lorlatinib.json"] = TherapeuticImplicationDefects,
        ["Bundle-gx-genomic-bundle-adam-anyperson.json"] =
        [
            new(MissingGenomicsCategory, "Bundle.entry[", "category:geCategory: at least 1 required"),
            new(MissingGenomicsCategory, "Bundle.entry[", "category: at least 2 required"),
            new(RetiredTbdCode, "Bundle.entry[", "Unknown code 'predicted-therapeutic-implication'"),
        ],
    };

    public static IReadOnlyList<KnownDefect>? For(string file) => Defects.GetValueOrDefault(file);
}
