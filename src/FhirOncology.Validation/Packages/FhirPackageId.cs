namespace FhirOncology.Validation.Packages;

/// <summary>A FHIR package pinned to an exact version, e.g. <c>hl7.fhir.us.mcode@4.0.0</c>.</summary>
public sealed record FhirPackageId(string Name, string Version)
{
    /// <summary>The folder name in the FHIR package cache: <c>name#version</c>.</summary>
    public string CacheFolderName => $"{Name}#{Version}";

    public override string ToString() => $"{Name}@{Version}";
}
