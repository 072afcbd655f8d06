using FhirOncology.Validation.Tests.Support;

namespace FhirOncology.Validation.Tests.Examples;

/// <summary>The example instances shipped in the mCODE 4.0.0 and Genomics Reporting 3.0.0 packages.</summary>
public static class PackageExamples
{
    public const string Mcode = "hl7.fhir.us.mcode";
    public const string McodeVersion = "4.0.0";
    public const string Genomics = "hl7.fhir.uv.genomics-reporting";
    public const string GenomicsVersion = "3.0.0";

    public static IEnumerable<string> Files(string name, string version) =>
        Directory.EnumerateFiles(ValidatorFixture.ExampleFolder(name, version), "*.json")
            .Where(path => !Path.GetFileName(path).StartsWith('.'))
            .Order(StringComparer.Ordinal);

    public static TheoryData<string> McodeFiles() => new(Files(Mcode, McodeVersion).Select(Path.GetFileName)!);

    public static TheoryData<string> GenomicsFiles() => new(Files(Genomics, GenomicsVersion).Select(Path.GetFileName)!);
}
