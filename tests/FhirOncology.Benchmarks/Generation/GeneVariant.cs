namespace FhirOncology.Benchmarks.Generation;

/// <summary>A somatic variant a genomic report can list, with the HGNC gene and HGVS notation the Observation carries.</summary>
/// <param name="Symbol">HGNC gene symbol, e.g. EGFR.</param>
/// <param name="HgncId">HGNC identifier, e.g. HGNC:3236.</param>
/// <param name="DnaChange">HGVS c. notation on its reference transcript.</param>
/// <param name="ProteinChange">HGVS p. notation.</param>
internal sealed record GeneVariant(string Symbol, string HgncId, string DnaChange, string ProteinChange);
