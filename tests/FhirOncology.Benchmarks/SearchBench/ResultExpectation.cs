namespace FhirOncology.Benchmarks.SearchBench;

/// <summary>What a query must return on generated data; a query that does not is reported as failed.</summary>
internal enum ResultExpectation
{
    /// <summary>At least one iteration matches something (some drawn parameters may legitimately match nothing).</summary>
    SomeIteration,

    /// <summary>Every iteration matches something: its parameters were drawn from data that is there.</summary>
    EveryIteration,

    /// <summary>Every iteration matches exactly one resource and includes at least two (the subject and a Task).</summary>
    OneMatchWithIncludes,
}
