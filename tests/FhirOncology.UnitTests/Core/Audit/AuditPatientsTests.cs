using FhirOncology.Core.Audit;

namespace FhirOncology.UnitTests.Core.Audit;

public sealed class AuditPatientsTests
{
    private static IReadOnlyList<string> Patients(string? type, params (string Name, string Value)[] parameters) =>
        AuditPatients.FromSearch(type, parameters.Select(p => new KeyValuePair<string, string>(p.Name, p.Value)));

    [Fact]
    public void FromSearch_PatientParameter_TakesIdsAndReferences() =>
        Assert.Equal(["p1", "p2", "p3"], Patients("Observation", ("patient", "p1,Patient/p2"), ("patient:Patient", "p3")));

    [Fact]
    public void FromSearch_ReferenceParameters_TakePatientReferencesOnly() =>
        Assert.Equal(["p1", "p2", "p3"], Patients("Observation",
            ("subject", "Patient/p1"), ("subject:Patient", "p2"), ("performer", "Practitioner/x"), ("focus", "https://other.example/fhir/Patient/p3"), ("subject", "Group/g")));

    [Fact]
    public void FromSearch_IdOnPatient_IsThePatient()
    {
        Assert.Equal(["p1", "p2"], Patients("Patient", ("_id", "p1,p2")));
        Assert.Empty(Patients("Observation", ("_id", "o1")));
    }

    [Fact]
    public void FromSearch_ChainsResultParametersAndInvalidIds_AreIgnored() =>
        Assert.Empty(Patients("Observation",
            ("subject.name", "Patient/p1"), ("subject:Patient.identifier", "x|1"), ("_include", "Observation:patient"),
            ("patient", "not a valid id!"), ("code", "http://loinc.org|8480-6")));

    [Fact]
    public void FromSearch_RepeatedPatient_IsListedOnce() =>
        Assert.Equal(["p1"], Patients("Observation", ("patient", "p1"), ("subject", "Patient/p1")));
}
