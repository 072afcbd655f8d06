namespace FhirOncology.Benchmarks.Generation;

/// <summary>How one transaction went: on success the logical id of each entry, in entry order, and how many were new.</summary>
/// <param name="Error">Why it failed (status and the start of the OperationOutcome), or null.</param>
/// <param name="Ids">Ids from each entry's response.location; empty on failure.</param>
/// <param name="Created">Entries answered 201; the rest matched their ifNoneExist and were left as they were.</param>
internal sealed record TransactionOutcome(string? Error, IReadOnlyList<string> Ids, int Created)
{
    public bool Succeeded => Error is null;

    public static TransactionOutcome Failed(string error) => new(error, [], 0);
}
