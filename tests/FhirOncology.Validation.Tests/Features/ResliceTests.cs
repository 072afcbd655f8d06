using System.Text.Json.Nodes;
using FhirOncology.Validation.Tests.Support;

namespace FhirOncology.Validation.Tests.Features;

/// <summary>Re-slicing (profiling.html#reslicing) and slicing on an extension's value (discriminator <c>extension('url').value</c>).</summary>
public sealed class ResliceTests(ValidatorFixture fixture)
{
    private static JsonObject Patient() => Corpus.Load("Patient-onc-test-reslice.json");

    [Fact]
    public void Reslice_TwoCurrentIdentifiers_ReSliceMaximumExceeded()
    {
        var patient = Patient();
        patient["identifier"]![1]!.AsObject().Remove("period");
        fixture.Validate(patient).HasError("Patient.identifier[1]", "identifier:mrn/current: at most 1 allowed, found 2");
    }

    [Fact]
    public void Reslice_OnlyHistoricIdentifier_ReSliceMissing()
    {
        var patient = Patient();
        patient["identifier"]!.AsArray().RemoveAt(0);
        fixture.Validate(patient).HasError("Patient", "identifier:mrn/current: at least 1 required, found 0");
    }

    [Fact]
    public void ExtensionValueDiscriminator_NoPrimaryContact_SliceMissing()
    {
        var patient = Patient();
        patient["contact"]![1]!["extension"]![0]!["valueCode"] = "secondary";
        fixture.Validate(patient).HasError("Patient", "contact:primary: at least 1 required, found 0");
    }

    [Fact]
    public void ExtensionValueDiscriminator_PrimaryContactValidatedAgainstSlice()
    {
        var patient = Patient();
        patient["contact"]![1]!.AsObject().Remove("name");
        fixture.Validate(patient).HasError("Patient.contact[1]", "name: at least 1 required, found 0");
    }
}
