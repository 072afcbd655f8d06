namespace FhirOncology.Validation.Benchmarks;

/// <summary>One example instance.</summary>
internal sealed record CorpusFile(string Name, byte[] Json);
