using System.ComponentModel.DataAnnotations;

namespace FhirOncology.Core;

/// <summary>FHIR engine settings, section <c>Fhir</c>, validated at start-up (STYLE.md §8).</summary>
public sealed class FhirOptions
{
    public const string Section = "Fhir";

    /// <summary>Largest request body accepted, in bytes; larger bodies get 413 with an OperationOutcome.</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Whether PUT to an unknown id creates the resource with that id (http.html#upsert).</summary>
    public bool AllowUpdateCreate { get; set; } = true;

    [Range(1, 1000)]
    public int DefaultPageSize { get; set; } = 50;

    [Range(1, 5000)]
    public int MaxPageSize { get; set; } = 1000;

    /// <summary>Most entries a transaction or batch Bundle may have; more gives 413.</summary>
    [Range(1, 100_000)]
    public int MaxBundleEntries { get; set; } = 1000;

    /// <summary>Absolute base URL, e.g. https://fhir.example.org/fhir; when empty it is taken from each request.</summary>
    [Url]
    public string? BaseUrl { get; set; }
}
