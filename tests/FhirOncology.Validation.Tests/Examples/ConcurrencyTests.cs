using FhirOncology.Validation.Packages;
using FhirOncology.Validation.Tests.Support;

namespace FhirOncology.Validation.Tests.Examples;

/// <summary>One validator serves concurrent requests: a fresh one, hit in parallel from cold, reports what a sequential run does.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public void FreshValidator_ParallelFromCold_SameFindingsAsSequential()
    {
        var files = PackageExamples.Files(PackageExamples.Mcode, PackageExamples.McodeVersion).Select(File.ReadAllBytes).ToList();
        var parallel = new ProfileValidator(ConformanceSource.FromManifest(ValidatorFixture.ManifestPath));
        var concurrent = new string[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            concurrent[i] = string.Join("\n", parallel.Validate(files[i]).Issues));
        var sequential = new ProfileValidator(ConformanceSource.FromManifest(ValidatorFixture.ManifestPath));
        for (var i = 0; i < files.Count; i++)
        {
            Assert.Equal(string.Join("\n", sequential.Validate(files[i]).Issues), concurrent[i]);
        }
    }
}
