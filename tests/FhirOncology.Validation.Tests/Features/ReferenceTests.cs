using System.Text.Json.Nodes;
using FhirOncology.Validation.References;
using FhirOncology.Validation.Tests.Support;

namespace FhirOncology.Validation.Tests.Features;

/// <summary>References (references.html): target types, contained, Bundle, and the server's resolver.</summary>
public sealed class ReferenceTests(ValidatorFixture fixture)
{
    [Fact]
    public void Reference_WrongTargetType_Error()
    {
        var observation = Corpus.Observation();
        observation["focus"]![0]!["reference"] = "Patient/onc-test-patient";
        fixture.Validate(observation).HasError("Observation.focus[0]", "only Condition may be referenced");
    }

    [Fact]
    public void Reference_TargetProfileType_FromProfileIndex()
    {
        var observation = Corpus.Observation();
        observation["subject"]!["reference"] = "Group/g1";
        fixture.Validate(observation).HasError("Observation.subject", "only Patient may be referenced");
    }

    [Fact]
    public void ContainedReference_Missing_Error()
    {
        var observation = Corpus.Observation();
        observation["specimen"] = new JsonObject { ["reference"] = "#nowhere" };
        fixture.Validate(observation).HasError("Observation.specimen", "does not exist");
    }

    [Fact]
    public void ContainedReference_ResolvedAndTypeChecked()
    {
        var observation = Corpus.Observation();
        observation["contained"] = new JsonArray(new JsonObject { ["resourceType"] = "Device", ["id"] = "d1" });
        observation["specimen"] = new JsonObject { ["reference"] = "#d1" };
        fixture.Validate(observation).HasError("Observation.specimen", "points to a Device");
    }

    [Fact]
    public void ContainedResource_NotReferenced_Dom3()
    {
        var observation = Corpus.Observation();
        observation["contained"] = new JsonArray(new JsonObject { ["resourceType"] = "Specimen", ["id"] = "s1" });
        fixture.Validate(observation).HasError("Observation.contained[0]", "dom-3");
    }

    [Fact]
    public void BundleReference_UndeclaredTargetBreaksTargetProfile_ErrorAtReference()
    {
        var bundle = Corpus.Bundle();
        var patient = bundle["entry"]![1]!["resource"]!.AsObject();
        patient.Remove("meta");
        patient.Remove("birthDate");
        fixture.Validate(bundle).HasError("Bundle.entry[2].resource.subject", "conforms to none of");
    }

    [Fact]
    public void BundleReference_DeclaredTargetBreaksItsProfile_ErrorAtTargetOnly()
    {
        var bundle = Corpus.Bundle();
        bundle["entry"]![1]!["resource"]!.AsObject().Remove("birthDate");
        var report = fixture.Validate(bundle);
        report.HasError("Bundle.entry[1].resource", "birthDate: at least 1 required");
        Assert.DoesNotContain(report.Errors, issue => issue.Location == "Bundle.entry[2].resource.subject");
    }

    [Fact]
    public async Task ValidateAsync_ResolverReportsWrongTypeAndMissing_ErrorAndWarning()
    {
        var observation = Corpus.Observation();
        var resolver = new StubResolver(new Dictionary<string, ResolvedReference>
        {
            ["Condition/onc-test-condition"] = new("Condition", []),
        });
        var context = new ValidationContext { ReferenceResolver = resolver };
        var report = await fixture.Validator.ValidateAsync(
            System.Text.Encoding.UTF8.GetBytes(observation.ToJsonString()), null, context, TestContext.Current.CancellationToken);
        report.HasWarning("Observation.subject", "does not resolve");
        Assert.Contains("Patient/onc-test-patient", resolver.Asked);
        Assert.Contains("Condition/onc-test-condition", resolver.Asked);
    }

    [Fact]
    public async Task ValidateAsync_StoredTargetWithoutProfile_Warning()
    {
        var observation = Corpus.Observation();
        var resolver = new StubResolver(new Dictionary<string, ResolvedReference>
        {
            ["Patient/onc-test-patient"] = new("Patient", []),
            ["Condition/onc-test-condition"] = new("Condition", []),
        });
        var report = await fixture.Validator.ValidateAsync(
            System.Text.Encoding.UTF8.GetBytes(observation.ToJsonString()), null, new ValidationContext { ReferenceResolver = resolver },
            TestContext.Current.CancellationToken);
        report.HasWarning("Observation.subject", "does not declare");
        report.HasNoErrors();
    }

    private sealed class StubResolver(Dictionary<string, ResolvedReference> known) : IReferenceResolver
    {
        public List<string> Asked { get; } = [];

        public ValueTask<IReadOnlyDictionary<string, ResolvedReference>> ResolveAsync(
            IReadOnlyCollection<string> references, CancellationToken cancellationToken)
        {
            Asked.AddRange(references);
            return ValueTask.FromResult<IReadOnlyDictionary<string, ResolvedReference>>(
                known.Where(pair => references.Contains(pair.Key)).ToDictionary(pair => pair.Key, pair => pair.Value));
        }
    }
}
