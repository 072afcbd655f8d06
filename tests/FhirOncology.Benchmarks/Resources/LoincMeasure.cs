namespace FhirOncology.Benchmarks.Resources;

/// <summary>A measurement the generated Observations record, with a plausible range for its values.</summary>
/// <param name="Code">LOINC code.</param>
/// <param name="Display">LOINC long common name.</param>
/// <param name="Category">observation-category code.</param>
/// <param name="Ucum">UCUM unit code, also used as the human-readable unit.</param>
/// <param name="Baseline">Centre of the generated values.</param>
/// <param name="Spread">Generated values lie within Baseline ± Spread.</param>
internal sealed record LoincMeasure(string Code, string Display, string Category, string Ucum, double Baseline, double Spread);
