using FhirOncology.Validation.Tests.Examples;
using FhirOncology.Validation.Tests.Support;

namespace FhirOncology.Validation.Tests.Mutations;

/// <summary>
/// Each mutation kind, applied to every package example that is valid as shipped and to our own corpus (Bundles
/// excluded: their entries are examples too), must produce an error (a warning for a wrong display) at the mutated
/// location, and must have applied to at least one instance.
/// </summary>
public sealed class MutationTests(ValidatorFixture fixture)
{
    public static TheoryData<MutationKind> Kinds() => new(Enum.GetValues<MutationKind>());

    [Theory]
    [MemberData(nameof(Kinds))]
    public void PackageExamples_OneThingBroken_ReportedAtMutatedLocation(MutationKind kind)
    {
        var engine = new MutationEngine(fixture.Validator);
        var applied = 0;
        var missed = new List<string>();
        foreach (var path in ValidExamples())
        {
            var mutation = engine.Create(File.ReadAllText(path), kind);
            if (mutation is null)
            {
                continue;
            }

            applied++;
            var report = fixture.Validator.Validate(mutation.Instance.ToJsonString());
            if (!report.Issues.Any(mutation.IsMetBy))
            {
                missed.Add($"{Path.GetFileName(path)}: {mutation.Description} (expected {mutation.Severity} at {mutation.Location}"
                    + $"{(mutation.MessageFragment is null ? "" : $" about {mutation.MessageFragment}")}); got:\n  "
                    + string.Join("\n  ", report.Issues));
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{kind}: {applied} mutations, {applied - missed.Count} reported at the mutated location");
        Assert.True(applied > 0, $"{kind} applied to no example");
        Assert.True(missed.Count == 0, $"{kind}: {missed.Count} of {applied} mutations went unreported:\n{string.Join("\n", missed.Take(10))}");
    }

    private IEnumerable<string> ValidExamples() =>
        PackageExamples.Files(PackageExamples.Mcode, PackageExamples.McodeVersion)
            .Concat(PackageExamples.Files(PackageExamples.Genomics, PackageExamples.GenomicsVersion))
            .Concat(Corpus.InstanceFiles().Select(file => Path.Combine(ValidatorFixture.CorpusPath, "Instances", file)))
            .Where(path => !Path.GetFileName(path).StartsWith("Bundle-", StringComparison.Ordinal))
            .Where(path => fixture.Validator.Validate(File.ReadAllBytes(path)).IsValid);
}
