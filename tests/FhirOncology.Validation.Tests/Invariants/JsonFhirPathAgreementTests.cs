using FhirOncology.Validation.Tests.Examples;
using FhirOncology.Validation.Tests.Mutations;
using FhirOncology.Validation.Tests.Support;

namespace FhirOncology.Validation.Tests.Invariants;

/// <summary>
/// Differential test of the native invariants and of the FHIRPath subset evaluated on JSON: over every package example
/// and every mutation of it, the findings must be exactly those obtained when the SDK's FHIRPath engine evaluates
/// every invariant on the POCO.
/// </summary>
public sealed class JsonFhirPathAgreementTests(ValidatorFixture fixture)
{
    private static readonly ValidationContext SdkOnly = new() { SdkInvariantsOnly = true };

    public static TheoryData<string, string> Examples()
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, version) in new[] { (PackageExamples.Mcode, PackageExamples.McodeVersion), (PackageExamples.Genomics, PackageExamples.GenomicsVersion) })
        {
            foreach (var file in PackageExamples.Files(name, version))
            {
                data.Add(name, Path.GetFileName(file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void PackageExample_AndItsMutations_SameFindingsAsSdkFhirPath(string package, string file)
    {
        var version = package == PackageExamples.Mcode ? PackageExamples.McodeVersion : PackageExamples.GenomicsVersion;
        var json = File.ReadAllText(Path.Combine(ValidatorFixture.ExampleFolder(package, version), file));
        AssertSameFindings(json, file);
        var engine = new MutationEngine(fixture.Validator);
        foreach (var kind in Enum.GetValues<MutationKind>())
        {
            if (!file.StartsWith("Bundle-", StringComparison.Ordinal) && engine.Create(json, kind) is { } mutation)
            {
                AssertSameFindings(mutation.Instance.ToJsonString(), $"{file} ({kind})");
            }
        }
    }

    private void AssertSameFindings(string json, string label)
    {
        var onJson = fixture.Validator.Validate(json).Issues.Select(i => i.ToString()).Order(StringComparer.Ordinal).ToList();
        var onSdk = fixture.Validator.Validate(json, null, SdkOnly).Issues.Select(i => i.ToString()).Order(StringComparer.Ordinal).ToList();
        Assert.True(onJson.SequenceEqual(onSdk),
            $"{label}: only on JSON:\n  {string.Join("\n  ", onJson.Except(onSdk))}\nonly with the SDK:\n  {string.Join("\n  ", onSdk.Except(onJson))}");
    }
}
