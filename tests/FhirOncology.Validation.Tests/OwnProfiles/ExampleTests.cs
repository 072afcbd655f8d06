using System.Text.Json.Nodes;
using FhirOncology.Validation.Tests.Support;

namespace FhirOncology.Validation.Tests.OwnProfiles;

/// <summary>Every example in profiles/examples is valid, against the profiles it and its entries claim.</summary>
public sealed class ExampleTests(OwnProfilesFixture fixture)
{
    public static TheoryData<string> Examples() => [.. OwnProfilesFixture.ExampleFiles()];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_ValidatesWithoutErrors(string file)
    {
        var report = fixture.Validate(OwnProfilesFixture.Example(file));
        report.HasNoErrors();
    }

    /// <summary>
    /// An invariant whose FHIRPath the engine cannot compile is reported as information only, so a typo in one of ours
    /// would silently disable it: every invariant met by the examples must actually run.
    /// </summary>
    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_EveryInvariantEvaluated(string file)
    {
        var report = fixture.Validate(OwnProfilesFixture.Example(file));
        Assert.DoesNotContain(report.Issues, issue => issue.Message.Contains("was not evaluated", StringComparison.Ordinal));
    }
}
