using System.Text.Json.Nodes;
using FhirOncology.Validation.Tests.Support;
using Hl7.Fhir.Model;

namespace FhirOncology.Validation.Tests.Features;

/// <summary>Which profiles apply (validation.html#profiles): meta.profile, explicit profiles, base type, unknown profiles.</summary>
public sealed class ProfileResolutionTests(ValidatorFixture fixture)
{
    [Fact]
    public void UnknownDeclaredProfile_WarningNotError()
    {
        var patient = Corpus.Patient();
        patient["meta"]!["profile"]!.AsArray().Add("http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient");
        var report = fixture.Validate(patient);
        report.HasWarning("Patient", "us-core-patient is not available here");
        report.HasNoErrors();
    }

    [Fact]
    public void ExplicitProfile_AppliedWithoutMetaProfile()
    {
        var observation = Corpus.Observation();
        observation.Remove("meta");
        observation["status"] = "amended";
        fixture.Validate(observation, $"{Corpus.Base}/StructureDefinition/onc-test-observation").HasError("Observation.status", "exactly");
    }

    [Fact]
    public void NoProfile_BaseTypeRulesStillApply()
    {
        var observation = Corpus.Observation();
        observation.Remove("meta");
        observation["status"] = "amended";
        observation.Remove("code");
        var report = fixture.Validate(observation);
        report.HasError("Observation", "code: at least 1 required");
        Assert.DoesNotContain(report.Errors, issue => issue.Location == "Observation.status");
    }

    [Fact]
    public void ProfileForAnotherType_Error()
    {
        var patient = Corpus.Patient();
        patient["meta"]!["profile"] = new JsonArray($"{Corpus.Base}/StructureDefinition/onc-test-observation");
        fixture.Validate(patient).HasError("Patient", "constrains Observation");
    }

    [Fact]
    public void UnknownResourceType_Error() =>
        fixture.Validate(new JsonObject { ["resourceType"] = "Tumour" }).HasError("Tumour", "not a known FHIR R4 resource type");

    [Fact]
    public void InvalidJson_Fatal()
    {
        var report = fixture.Validator.Validate("{ \"resourceType\": ");
        Assert.Equal(OperationOutcome.IssueSeverity.Fatal, Assert.Single(report.Issues).Severity);
    }

    [Fact]
    public void Poco_ValidatedLikeJson()
    {
        var patient = new Patient { Gender = AdministrativeGender.Female, BirthDate = "1970-02-14" };
        patient.Meta = new Meta { Profile = [$"{Corpus.Base}/StructureDefinition/onc-test-patient"] };
        fixture.Validator.Validate(patient).HasError("Patient", "extension:risk: at least 1 required");
    }
}
