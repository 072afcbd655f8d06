namespace FhirOncology.Benchmarks.Generation;

/// <summary>
/// How many of each kind of resource one patient's Bundle holds. Every Bundle also has 11 fixed entries: the Patient,
/// four staging Observations, TMB, MSI, the genomics DiagnosticReport, a Specimen, the ServiceRequest and the Task.
/// </summary>
internal sealed record PatientPlan(int Conditions, int Ecog, int Labs, int Variants, int Medications, int Procedures)
{
    public const int FixedEntries = 11;

    /// <summary>The mean size of a population Bundle; the labs fill whatever the drawn counts leave.</summary>
    public const int TargetEntries = 100;

    /// <summary>A fixed 40-entry referral, the shape an EHR sends for one new patient, for the latency probe.</summary>
    public static PatientPlan Referral40 { get; } = new(Conditions: 1, Ecog: 1, Labs: 20, Variants: 4, Medications: 2, Procedures: 1);

    public int Entries => FixedEntries + Conditions + Ecog + Labs + Variants + Medications + Procedures;

    /// <summary>A population patient: varied counts, ~100 entries in all (97 to 103).</summary>
    public static PatientPlan Draw(Random random)
    {
        var conditions = random.Next(1, 3);
        var ecog = random.Next(1, 3);
        var variants = random.Next(2, 6);
        var medications = random.Next(3, 6);
        var procedures = random.Next(2, 4);
        var labs = TargetEntries - FixedEntries - conditions - ecog - variants - medications - procedures + random.Next(-3, 4);
        return new PatientPlan(conditions, ecog, labs, variants, medications, procedures);
    }
}
