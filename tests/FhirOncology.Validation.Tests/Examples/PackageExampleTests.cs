using FhirOncology.Validation.Tests.Support;

namespace FhirOncology.Validation.Tests.Examples;

/// <summary>
/// Every example of mCODE 4.0.0 and Genomics Reporting 3.0.0 validates against the profiles it declares with zero
/// errors, unless <see cref="KnownExampleDefects"/> names it with the FHIR rule it really breaks.
/// </summary>
public sealed class PackageExampleTests(ValidatorFixture fixture)
{
    [Theory]
    [MemberData(nameof(PackageExamples.McodeFiles), MemberType = typeof(PackageExamples))]
    public void McodeExample_DeclaredProfiles_NoErrorsExceptKnownDefects(string file) =>
        AssertValidOrKnown(PackageExamples.Mcode, PackageExamples.McodeVersion, file);

    [Theory]
    [MemberData(nameof(PackageExamples.GenomicsFiles), MemberType = typeof(PackageExamples))]
    public void GenomicsExample_DeclaredProfiles_NoErrorsExceptKnownDefects(string file) =>
        AssertValidOrKnown(PackageExamples.Genomics, PackageExamples.GenomicsVersion, file);

    private void AssertValidOrKnown(string package, string version, string file)
    {
        var path = Path.Combine(ValidatorFixture.ExampleFolder(package, version), file);
        var report = fixture.Validator.Validate(File.ReadAllBytes(path));
        var errors = report.Errors.ToList();
        if (KnownExampleDefects.For(file) is { } known)
        {
            Assert.All(known, defect => Assert.Contains(errors, defect.Matches));
            Assert.All(errors, error => Assert.True(known.Any(defect => defect.Matches(error)), $"Unexpected besides the known defects: {error}"));
            return;
        }

        Assert.True(errors.Count == 0, $"{file}:\n{string.Join("\n", errors)}");
    }
}
