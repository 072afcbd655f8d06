using FhirOncology.Benchmarks.Resources;

namespace FhirOncology.Benchmarks.Generation;

/// <summary>
/// The code tables the synthetic population is drawn from. Real codes (SNOMED CT, LOINC, RxNorm, HGNC, HGVS), so that
/// searches by code look like the ones a second-opinion service runs; the server does not check them against a
/// terminology, so exactness of every display text does not matter to the benchmark.
/// </summary>
internal static class OncologyCodes
{
    public const string Snomed = "http://snomed.info/sct";
    public const string Loinc = "http://loinc.org";
    public const string RxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";
    public const string Ucum = "http://unitsofmeasure.org";
    public const string Hgnc = "http://www.genenames.org/geneId";
    public const string Hgvs = "http://varnomen.hgvs.org";
    public const string Ajcc = "http://cancerstaging.org";

    private static readonly Coded Biopsy = new(Snomed, "86273004", "Biopsy");
    private static readonly Coded Radiotherapy = new(Snomed, "33195004", "External beam radiation therapy procedure");
    private static readonly GeneVariant Tp53 = new("TP53", "HGNC:11998", "NM_000546.6:c.743G>A", "p.Arg248Gln");
    private static readonly GeneVariant BrafV600E = new("BRAF", "HGNC:1097", "NM_004333.6:c.1799T>A", "p.Val600Glu");

    public static readonly CancerType[] Cancers =
    [
        new(new Coded(Snomed, "254637007", "Non-small cell lung cancer"), 40,
            [
                new("EGFR", "HGNC:3236", "NM_005228.5:c.2573T>G", "p.Leu858Arg"),
                new("EGFR", "HGNC:3236", "NM_005228.5:c.2235_2249del", "p.Glu746_Ala750del"),
                new("KRAS", "HGNC:6407", "NM_004985.5:c.34G>T", "p.Gly12Cys"),
                new("STK11", "HGNC:11389", "NM_000455.5:c.109C>T", "p.Gln37Ter"),
                BrafV600E, Tp53,
            ],
            [
                new(RxNorm, "1721560", "osimertinib"), new(RxNorm, "1547545", "pembrolizumab"),
                new(RxNorm, "40048", "carboplatin"), new(RxNorm, "68446", "pemetrexed"), new(RxNorm, "1792776", "atezolizumab"),
            ],
            [Biopsy, new Coded(Snomed, "173171007", "Lobectomy of lung"), Radiotherapy]),
        new(new Coded(Snomed, "363406005", "Malignant neoplasm of colon"), 30,
            [
                new("KRAS", "HGNC:6407", "NM_004985.5:c.35G>A", "p.Gly12Asp"),
                new("NRAS", "HGNC:7989", "NM_002524.5:c.182A>G", "p.Gln61Arg"),
                new("APC", "HGNC:583", "NM_000038.6:c.4348C>T", "p.Arg1450Ter"),
                new("PIK3CA", "HGNC:8975", "NM_006218.4:c.1633G>A", "p.Glu545Lys"),
                new("TP53", "HGNC:11998", "NM_000546.6:c.524G>A", "p.Arg175His"),
                BrafV600E,
            ],
            [
                new(RxNorm, "32592", "oxaliplatin"), new(RxNorm, "4492", "fluorouracil"), new(RxNorm, "253337", "bevacizumab"),
                new(RxNorm, "6313", "leucovorin"), new(RxNorm, "51499", "irinotecan"),
            ],
            [Biopsy, new Coded(Snomed, "73761001", "Colonoscopy"), new Coded(Snomed, "43075005", "Partial resection of colon")]),
        new(new Coded(Snomed, "254837009", "Malignant neoplasm of breast"), 30,
            [
                new("PIK3CA", "HGNC:8975", "NM_006218.4:c.3140A>G", "p.His1047Arg"),
                new("BRCA1", "HGNC:1100", "NM_007294.4:c.68_69del", "p.Glu23fs"),
                new("BRCA2", "HGNC:1101", "NM_000059.4:c.5946del", "p.Ser1982fs"),
                new("ERBB2", "HGNC:3430", "NM_004448.4:c.2305G>T", "p.Asp769Tyr"),
                new("ESR1", "HGNC:3467", "NM_000125.4:c.1610A>C", "p.Tyr537Ser"),
                Tp53,
            ],
            [
                new(RxNorm, "224905", "trastuzumab"), new(RxNorm, "10324", "tamoxifen"), new(RxNorm, "72965", "letrozole"),
                new(RxNorm, "56946", "paclitaxel"), new(RxNorm, "3639", "doxorubicin"),
            ],
            [Biopsy, new Coded(Snomed, "392021009", "Lumpectomy of breast"), Radiotherapy]),
    ];

    /// <summary>The second Condition some patients have: a metastasis or a common comorbidity.</summary>
    public static readonly Coded[] SecondaryConditions =
    [
        new(Snomed, "94225005", "Secondary malignant neoplasm of brain"),
        new(Snomed, "94381002", "Secondary malignant neoplasm of liver"),
        new(Snomed, "94222008", "Secondary malignant neoplasm of bone"),
        new(Snomed, "44054006", "Diabetes mellitus type 2"),
        new(Snomed, "38341003", "Hypertensive disorder"),
    ];

    /// <summary>Clinical TNM categories and stage group (LOINC 21905-5, 21906-3, 21907-1, 21908-9) with their AJCC values.</summary>
    public static readonly (Coded Code, string[] Values)[] Staging =
    [
        (new Coded(Loinc, "21905-5", "Primary tumor.clinical [Class] Cancer"), ["cT1", "cT2", "cT3", "cT4"]),
        (new Coded(Loinc, "21906-3", "Regional lymph nodes.clinical [Class] Cancer"), ["cN0", "cN1", "cN2", "cN3"]),
        (new Coded(Loinc, "21907-1", "Distant metastases.clinical [Class] Cancer"), ["cM0", "cM0", "cM1"]),
        (new Coded(Loinc, "21908-9", "Stage group.clinical Cancer"), ["1A", "2B", "3A", "3B", "4"]),
    ];

    public static readonly Coded Ecog = new(Loinc, "89247-1", "ECOG Performance Status score");

    /// <summary>ECOG grades 0-3 as LOINC answers.</summary>
    public static readonly Coded[] EcogGrades =
    [
        new(Loinc, "LA9622-7", "Fully active"), new(Loinc, "LA9623-5", "Restricted in physically strenuous activity"),
        new(Loinc, "LA9624-3", "Ambulatory and capable of all selfcare"), new(Loinc, "LA9625-0", "Capable of only limited selfcare"),
    ];

    public static readonly Coded VariantAssessment = new(Loinc, "69548-6", "Genetic variant assessment");
    public static readonly Coded GeneStudied = new(Loinc, "48018-6", "Gene studied [ID]");
    public static readonly Coded DnaChange = new(Loinc, "48004-6", "DNA change (c.HGVS)");
    public static readonly Coded AminoAcidChange = new(Loinc, "48005-3", "Amino acid change (pHGVS)");
    public static readonly Coded Present = new(Loinc, "LA9633-4", "Present");
    public static readonly Coded Tmb = new(Loinc, "94076-7", "Mutations/Megabase [# Ratio] in Tumor");
    public static readonly Coded Msi = new(Loinc, "81695-9", "Microsatellite instability [Interpretation] in Cancer specimen Qualitative");
    public static readonly Coded[] MsiValues = [new(Loinc, "LA14122-8", "Stable"), new(Loinc, "LA26203-2", "High")];
    public static readonly Coded GenomicsPanel = new(Loinc, "81247-9", "Master HL7 genetic variant reporting panel");
    public static readonly Coded TissueSpecimen = new(Snomed, "119376003", "Tissue specimen");
    public static readonly Coded Referral = new(Snomed, "103696004", "Patient referral to specialist");

    /// <summary>Labs and vitals between cycles: blood counts, chemistry, tumour markers, weight and vitals.</summary>
    public static readonly LoincMeasure[] Labs =
    [
        new("718-7", "Hemoglobin [Mass/volume] in Blood", "laboratory", "g/dL", 12.5, 2.5),
        new("6690-2", "Leukocytes [#/volume] in Blood by Automated count", "laboratory", "10*3/uL", 6.5, 3.5),
        new("777-3", "Platelets [#/volume] in Blood by Automated count", "laboratory", "10*3/uL", 250, 120),
        new("751-8", "Neutrophils [#/volume] in Blood by Automated count", "laboratory", "10*3/uL", 4, 2.5),
        new("731-0", "Lymphocytes [#/volume] in Blood by Automated count", "laboratory", "10*3/uL", 1.8, 1),
        new("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", "laboratory", "mg/dL", 1, 0.4),
        new("1742-6", "Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma", "laboratory", "U/L", 30, 20),
        new("1920-8", "Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma", "laboratory", "U/L", 28, 18),
        new("1975-2", "Bilirubin.total [Mass/volume] in Serum or Plasma", "laboratory", "mg/dL", 0.8, 0.5),
        new("1751-7", "Albumin [Mass/volume] in Serum or Plasma", "laboratory", "g/dL", 3.9, 0.7),
        new("2532-0", "Lactate dehydrogenase [Enzymatic activity/volume] in Serum or Plasma", "laboratory", "U/L", 220, 90),
        new("2951-2", "Sodium [Moles/volume] in Serum or Plasma", "laboratory", "mmol/L", 139, 4),
        new("2823-3", "Potassium [Moles/volume] in Serum or Plasma", "laboratory", "mmol/L", 4.2, 0.6),
        new("17861-6", "Calcium [Mass/volume] in Serum or Plasma", "laboratory", "mg/dL", 9.5, 0.8),
        new("2039-6", "Carcinoembryonic Ag [Mass/volume] in Serum or Plasma", "laboratory", "ng/mL", 5, 4.5),
        new("24108-3", "Cancer Ag 19-9 [Units/volume] in Serum or Plasma", "laboratory", "U/mL", 35, 30),
        new("6875-9", "Cancer Ag 15-3 [Units/volume] in Serum or Plasma", "laboratory", "U/mL", 30, 25),
        new("29463-7", "Body weight", "vital-signs", "kg", 72, 20),
        new("8867-4", "Heart rate", "vital-signs", "/min", 76, 16),
        new("8480-6", "Systolic blood pressure", "vital-signs", "mm[Hg]", 125, 20),
    ];

    public static readonly string[] FamilyNames =
        ["Garcia", "Nguyen", "Okafor", "Schmidt", "Tanaka", "Kowalski", "Haddad", "Silva", "Murphy", "Rossi", "Novak", "Larsen"];

    public static readonly string[] GivenNames =
        ["Maria", "Anh", "Chidi", "Jonas", "Yuki", "Ewa", "Karim", "Ana", "Lena", "Tomas", "Priya", "Omar", "Ines"];
}
