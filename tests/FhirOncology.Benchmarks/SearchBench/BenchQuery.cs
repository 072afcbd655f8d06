namespace FhirOncology.Benchmarks.SearchBench;

/// <summary>One referral search, run many times with parameters drawn at random.</summary>
/// <param name="Name">Short stable name, used in the output lines.</param>
/// <param name="Template">The search as documented, with the drawn parts in braces.</param>
/// <param name="Draw">The relative URL of one request, from the Random of its iteration.</param>
/// <param name="Expectation">What the results must be on generated data.</param>
internal sealed record BenchQuery(string Name, string Template, Func<Random, string> Draw, ResultExpectation Expectation);
