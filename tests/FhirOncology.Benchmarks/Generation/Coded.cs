namespace FhirOncology.Benchmarks.Generation;

/// <summary>One coding: a code from a code system, with its display text.</summary>
internal sealed record Coded(string System, string Code, string Display);
