using FhirOncology.Validation.Packages;

namespace FhirOncology.Validation.Benchmarks;

/// <summary>The example instances of a package (its <c>example/</c> folder in the FHIR package cache), as UTF-8 bytes.</summary>
internal static class BenchmarkCorpus
{
    public static List<CorpusFile> Load(FhirPackageId package)
    {
        var folder = Path.Combine(FhirPackageCache.PackageFolder(FhirPackageCache.DefaultPath, package), "example");
        return Directory.EnumerateFiles(folder, "*.json")
            .Where(path => !Path.GetFileName(path).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .Select(path => new CorpusFile(Path.GetFileName(path), File.ReadAllBytes(path)))
            .ToList();
    }
}
