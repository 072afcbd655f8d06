using FhirOncology.Oncology.Referrals;
using FhirOncology.Core.Indexing;
using FhirOncology.Core.Resources;
using Hl7.Fhir.Model;

namespace FhirOncology.UnitTests.Core.Indexing;

public sealed class SearchIndexerTests
{
    private static readonly SearchIndexer Indexer = new(new ResourceTypeRegistry([ReferralResourceTypes.All]));

    [Fact]
    public void IndexTokens_Patient_IndexesIdentifierGenderAndActive()
    {
        var patient = new Patient
        {
            Identifier = [new Identifier("urn:mrn", "42"), new Identifier(null, "no-system")],
            Gender = AdministrativeGender.Female,
            Active = true,
            Telecom = [new ContactPoint(ContactPoint.ContactPointSystem.Email, null, "a@example.org")],
        };

        var tokens = Indexer.IndexTokens(patient);

        Assert.Contains(new TokenIndexEntry("identifier", "urn:mrn", "42"), tokens);
        Assert.Contains(new TokenIndexEntry("identifier", null, "no-system"), tokens);
        Assert.Contains(new TokenIndexEntry("gender", null, "female"), tokens);
        Assert.Contains(new TokenIndexEntry("active", null, "true"), tokens);
        Assert.Contains(new TokenIndexEntry("email", null, "a@example.org"), tokens);
    }

    [Fact]
    public void IndexTokens_Observation_IndexesEveryCodingOfCode()
    {
        var observation = new Observation
        {
            Status = ObservationStatus.Final,
            Code = new CodeableConcept { Coding = [new Coding("http://loinc.org", "94076-7"), new Coding("urn:local", "TMB")] },
        };

        var tokens = Indexer.IndexTokens(observation);

        Assert.Contains(new TokenIndexEntry("code", "http://loinc.org", "94076-7"), tokens);
        Assert.Contains(new TokenIndexEntry("code", "urn:local", "TMB"), tokens);
        Assert.Contains(new TokenIndexEntry("status", null, "final"), tokens);
    }

    [Fact]
    public void TokenParameters_KnowsCoreParametersOfServedTypesOnly()
    {
        Assert.Contains("identifier", Indexer.TokenParameters("Patient"));
        Assert.Contains("business-status", Indexer.TokenParameters("Task"));
        Assert.Empty(Indexer.TokenParameters("Medication"));
        Assert.False(Indexer.IsTokenParameter("Patient", "name")); // a string parameter
    }
}
