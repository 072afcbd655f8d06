using FhirOncology.Validation.Terminology;
using FhirOncology.Validation.Tests.Support;

namespace FhirOncology.Validation.Tests.Features;

/// <summary>
/// Value set compose filters (valueset.html#compose, the operators of codesystem-filter-operator) over the corpus code
/// system onc-test-staging: stage ⊃ stage-1 ⊃ {stage-1a, stage-1b}, stage-2, stage-x (obsolete); stage-3 under stage
/// by a parent property; grade ⊃ {grade-low, grade-high}. A filter that cannot be evaluated leaves membership unknown.
/// </summary>
public sealed class TerminologyFilterTests(ValidatorFixture fixture)
{
    private const string Staging = Corpus.Base + "/CodeSystem/onc-test-staging";
    private const string AllCodes = "stage stage-1 stage-1a stage-1b stage-2 stage-x stage-3 grade grade-low grade-high";

    [Theory]
    [InlineData("onc-test-vs-is-not-a", "grade grade-low grade-high")]
    [InlineData("onc-test-vs-in", "stage-1 stage-2")]
    [InlineData("onc-test-vs-not-in", "stage stage-1 stage-1a stage-1b stage-2 stage-3")]
    [InlineData("onc-test-vs-regex", "stage-1 stage-1a stage-1b")]
    [InlineData("onc-test-vs-exists", "stage stage-1 stage-1a stage-1b stage-2 stage-3")]
    [InlineData("onc-test-vs-generalizes", "stage stage-1 stage-1a")]
    [InlineData("onc-test-vs-child-of", "stage-1 stage-2 stage-x stage-3")]
    [InlineData("onc-test-vs-leaf", "stage-1a stage-1b stage-2 stage-x stage-3")]
    [InlineData("onc-test-vs-property", "stage-1 stage-1a stage-2")]
    [InlineData("onc-test-vs-property-in", "stage-1 stage-2")]
    [InlineData("onc-test-vs-exclude-filter", "stage stage-1 stage-1a stage-1b stage-2 stage-x stage-3")]
    public void Filter_SelectsExactlyTheseCodes_OthersAreNotMembers(string valueSet, string expected)
    {
        var compiled = fixture.Validator.ValueSets.Get($"{Corpus.Base}/ValueSet/{valueSet}");
        var wanted = expected.Split(' ');
        Assert.False(compiled.IsUnknown);
        Assert.Empty(compiled.OpenSystems);
        Assert.Equal(wanted.Order(StringComparer.Ordinal), compiled.Codes.Where(c => c.System == Staging).Select(c => c.Code).Order(StringComparer.Ordinal));
        foreach (var code in AllCodes.Split(' '))
        {
            Assert.Equal(wanted.Contains(code) ? Membership.Member : Membership.NotMember, compiled.Contains(Staging, code));
        }
    }

    [Theory]
    [InlineData("onc-test-vs-fragment", Corpus.Base + "/CodeSystem/onc-test-lab-fragment", "only a fragment of " + Corpus.Base + "/CodeSystem/onc-test-lab-fragment is held locally")]
    [InlineData("onc-test-vs-unknown-op", Staging, "the filter 'concept sounds-like stage' cannot be evaluated here")]
    [InlineData("onc-test-vs-undeclared-property", Staging, "the filter 'colour = red' cannot be evaluated here")]
    public void Filter_CannotBeEvaluated_MembershipUnknownWithTheReason(string valueSet, string system, string reason)
    {
        var compiled = fixture.Validator.ValueSets.Get($"{Corpus.Base}/ValueSet/{valueSet}");
        Assert.Equal(Membership.Unknown, compiled.Contains(system, "marker-a"));
        Assert.Equal(Membership.Unknown, compiled.Contains(system, "anything"));
        Assert.Contains(reason, compiled.OpenReason(system), StringComparison.Ordinal);
    }

    [Fact]
    public void PackageValueSet_NotInOnProperty_Expanded()
    {
        // obligation (hl7.fhir.uv.extensions.r4, no shipped expansion): not-selectable not-in 'true' keeps the selectable
        // combinations (SHALL:populate) and drops the abstract groupers (SHALL), which carry not-selectable = true.
        var compiled = fixture.Validator.ValueSets.Get("http://hl7.org/fhir/ValueSet/obligation");
        Assert.Equal(Membership.Member, compiled.Contains("http://hl7.org/fhir/CodeSystem/obligation", "SHALL:populate"));
        Assert.Equal(Membership.NotMember, compiled.Contains("http://hl7.org/fhir/CodeSystem/obligation", "SHALL"));
    }
}
