namespace FhirOncology.Benchmarks.Generation;

/// <summary>A primary cancer and what a record of it typically holds: its variants, drugs and procedures.</summary>
/// <param name="Diagnosis">SNOMED CT code of the primary cancer.</param>
/// <param name="Weight">Relative share of the generated population.</param>
/// <param name="Variants">Variants the genomic report draws from.</param>
/// <param name="Medications">RxNorm ingredients the MedicationRequests draw from.</param>
/// <param name="Procedures">SNOMED CT procedures drawn for the Procedures.</param>
internal sealed record CancerType(Coded Diagnosis, int Weight, GeneVariant[] Variants, Coded[] Medications, Coded[] Procedures);
