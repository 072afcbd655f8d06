using System.Text.Json.Nodes;
using FhirOncology.Validation.Tests.Support;

namespace FhirOncology.Validation.Tests.Features;

/// <summary>Structure (json.html, datatypes.html#primitive): unknown elements, JSON types, choice types, primitive formats.</summary>
public sealed class StructureTests(ValidatorFixture fixture)
{
    public static TheoryData<string> Instances() => new(Corpus.InstanceFiles());

    [Theory]
    [MemberData(nameof(Instances))]
    public void CorpusInstance_AsAuthored_NoErrors(string file) =>
        fixture.Validate(Corpus.Load(file)).HasNoErrors();

    [Fact]
    public void UnknownElement_Nested_ErrorAtContainingElement()
    {
        var observation = Corpus.Observation();
        observation["code"]!["colour"] = "red";
        fixture.Validate(observation).HasError("Observation.code", "Unknown element 'colour'");
    }

    [Fact]
    public void Primitive_WrongJsonType_Error()
    {
        var patient = Corpus.Patient();
        patient["active"] = "true";
        fixture.Validate(patient).HasError("Patient.active", "must be a JSON boolean");
    }

    [Fact]
    public void ChoiceType_TypeNotAllowedByProfile_ErrorNamesAllowedTypes()
    {
        var observation = Corpus.Observation();
        observation.Remove("valueCodeableConcept");
        observation["valueString"] = "positive";
        fixture.Validate(observation).HasError("Observation", "Unknown element 'valueString'");
    }

    [Fact]
    public void ChoiceType_TwoTypesAtOnce_Error()
    {
        var observation = Corpus.Load("Observation-onc-test.json");
        var component = observation["component"]![2]!.AsObject();
        component["valueBoolean"] = true;
        fixture.Validate(observation).HasError("Observation.component[2]", "only one type");
    }

    [Theory]
    [InlineData("birthDate", "1970-02-30")]
    [InlineData("birthDate", "1970-2-14")]
    [InlineData("id", "bad id!")]
    [InlineData("gender", "fe male  x")]
    public void Primitive_BadLexicalForm_ErrorAtElement(string element, string value)
    {
        var patient = Corpus.Patient();
        patient[element] = value;
        fixture.Validate(patient).HasError($"Patient.{element}", "is not a valid");
    }

    [Theory]
    [InlineData("2024-05-01T09:30:00Z", true)]
    [InlineData("2024-05-01T09:30:00", false)]
    [InlineData("2024-05", true)]
    [InlineData("2024-05-01T25:00:00Z", false)]
    public void DateTime_Forms_FollowTheRegex(string value, bool valid)
    {
        var observation = Corpus.Observation();
        observation["effectiveDateTime"] = value;
        var report = fixture.Validate(observation);
        Assert.Equal(valid, !report.Errors.Any(issue => issue.Location == "Observation.effectiveDateTime"));
    }

    [Fact]
    public void EmptyObject_Error()
    {
        var observation = Corpus.Observation();
        observation["method"] = new JsonObject();
        fixture.Validate(observation).HasError("Observation.method", "ele-1");
    }

    [Fact]
    public void EmptyArray_Error()
    {
        var patient = Corpus.Patient();
        patient["telecom"] = new JsonArray();
        fixture.Validate(patient).HasError("Patient.telecom", "empty array");
    }

    [Fact]
    public void RepeatingElement_NotAnArray_Error()
    {
        var patient = Corpus.Patient();
        patient["name"] = new JsonObject { ["family"] = "Test" };
        fixture.Validate(patient).HasError("Patient.name", "must be a JSON array");
    }

    [Fact]
    public void SingleElement_AsArray_Error()
    {
        var patient = Corpus.Patient();
        patient["gender"] = new JsonArray("female");
        fixture.Validate(patient).HasError("Patient.gender", "must not be a JSON array");
    }

    [Fact]
    public void ContainedResource_WithoutResourceType_Error()
    {
        var observation = Corpus.Observation();
        observation["contained"] = new JsonArray(new JsonObject { ["id"] = "c1" });
        observation["specimen"] = new JsonObject { ["reference"] = "#c1" };
        fixture.Validate(observation).HasError("Observation.contained[0]", "no resourceType");
    }

    [Fact]
    public void PrimitiveExtension_WithoutValue_Accepted()
    {
        var patient = Corpus.Patient();
        patient.Remove("gender");
        patient["_birthDate"] = new JsonObject
        {
            ["extension"] = new JsonArray(new JsonObject { ["url"] = "http://hl7.org/fhir/StructureDefinition/patient-birthTime", ["valueDateTime"] = "1970-02-14T08:00:00Z" }),
        };
        var report = fixture.Validate(patient);
        Assert.DoesNotContain(report.Errors, issue => issue.Location.StartsWith("Patient.birthDate", StringComparison.Ordinal));
    }
}
