namespace FhirOncology.Validation.Packages;

/// <summary>One row of a package's <c>.index.json</c> (FHIR NPM package spec, index-version 1).</summary>
internal sealed record PackageIndexEntry(
    string FileName,
    string ResourceType,
    string? Id,
    string? Url,
    string? Version,
    string? Kind,
    string? Type);
