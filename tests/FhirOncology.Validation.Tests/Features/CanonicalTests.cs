using System.Text.Json.Nodes;
using FhirOncology.Validation.Tests.Support;

namespace FhirOncology.Validation.Tests.Features;

/// <summary>
/// canonical elements and their targetProfile (elementdefinition.html#targetProfile, references.html#canonical):
/// ServiceRequest.instantiatesCanonical may name an ActivityDefinition or a PlanDefinition.
/// </summary>
public sealed class CanonicalTests(ValidatorFixture fixture)
{
    private const string Location = "ServiceRequest.instantiatesCanonical[0]";

    [Fact]
    public void Canonical_PackageResourceOfAllowedType_NoIssue()
    {
        var report = fixture.Validate(Request("http://example.org/ActivityDefinition/provide-mosquito-prevention-advice"));
        report.HasNoErrors();
        Assert.DoesNotContain(report.Issues, issue => issue.Location == Location);
    }

    [Fact]
    public void Canonical_PackageResourceOfAnotherType_Error()
    {
        fixture.Validate(Request("http://hl7.org/fhir/ValueSet/administrative-gender|4.0.1"))
            .HasError(Location, "refers to a ValueSet, but only ActivityDefinition, PlanDefinition may be referenced here");
    }

    [Fact]
    public void Canonical_Unknown_WarningNotError()
    {
        var report = fixture.Validate(Request("http://example.org/fhir/PlanDefinition/nowhere"));
        report.HasNoErrors();
        report.HasWarning(Location, "cannot be resolved here, so whether it is a ActivityDefinition or PlanDefinition was not checked");
    }

    [Fact]
    public void Canonical_ContainedResource_TypeChecked()
    {
        var request = Request("#vs1");
        request["contained"] = new JsonArray(new JsonObject
        {
            ["resourceType"] = "ValueSet", ["id"] = "vs1", ["status"] = "draft",
        });
        fixture.Validate(request).HasError(Location, "Canonical #vs1 refers to a ValueSet");
    }

    [Fact]
    public void Canonical_BundleEntryWithThatUrl_Resolved()
    {
        var bundle = new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["type"] = "collection",
            ["entry"] = new JsonArray(
                new JsonObject
                {
                    ["fullUrl"] = "http://fhironcology.example/fhir/ServiceRequest/sr1",
                    ["resource"] = Request("http://fhironcology.example/fhir/PlanDefinition/onc-workup"),
                },
                new JsonObject
                {
                    ["fullUrl"] = "http://fhironcology.example/fhir/PlanDefinition/pd1",
                    ["resource"] = new JsonObject
                    {
                        ["resourceType"] = "PlanDefinition", ["id"] = "pd1", ["status"] = "draft",
                        ["url"] = "http://fhironcology.example/fhir/PlanDefinition/onc-workup",
                    },
                }),
        };
        var report = fixture.Validate(bundle);
        report.HasNoErrors();
        Assert.DoesNotContain(report.Issues, issue => issue.Location.EndsWith("instantiatesCanonical[0]", StringComparison.Ordinal));
    }

    [Fact]
    public void MetaProfile_NamesAValueSet_Error()
    {
        var patient = Corpus.Patient();
        patient["meta"]!["profile"] = new JsonArray("http://hl7.org/fhir/ValueSet/administrative-gender");
        fixture.Validate(patient).HasError("Patient.meta.profile[0]", "refers to a ValueSet, but only StructureDefinition may be referenced here");
    }

    private static JsonObject Request(string canonical) => new()
    {
        ["resourceType"] = "ServiceRequest",
        ["id"] = "sr1",
        ["instantiatesCanonical"] = new JsonArray(canonical),
        ["status"] = "active",
        ["intent"] = "order",
        ["subject"] = new JsonObject { ["reference"] = "Patient/onc-test-patient" },
    };
}
