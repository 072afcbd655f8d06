namespace FhirOncology.Validation.Benchmarks;

/// <summary>Cold-start figures: from process start, from Main, and from package load, each to the first validation report.</summary>
internal sealed record ColdStart(TimeSpan SinceProcessStart, TimeSpan SinceMain, TimeSpan LoadAndFirst);
