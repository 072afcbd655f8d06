namespace FhirOncology.Benchmarks.Http;

/// <summary>How one request went: success, or why not (kept short, it is printed).</summary>
internal readonly record struct RequestResult(string? Error)
{
    public static RequestResult Success => default;

    public bool Succeeded => Error is null;

    public static RequestResult Failed(string error) => new(error);
}
