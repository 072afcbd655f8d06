using FhirOncology.Core.Indexing;
using FhirOncology.Core.Resources;
using FhirOncology.Oncology.Referrals;
using Hl7.Fhir.Model;

namespace FhirOncology.UnitTests.Core.Indexing;

public sealed class SearchIndexerTests
{
    private static readonly SearchParameterCatalog Catalog = new(new ResourceTypeRegistry([ReferralResourceTypes.All]));
    private static readonly SearchIndexer Indexer = new(Catalog);

    [Fact]
    public void Index_Patient_IndexesTokensStringsDatesAndReferences()
    {
        var patient = new Patient
        {
            Identifier = [new Identifier("urn:mrn", "42"), new Identifier(null, "no-system")],
            Gender = AdministrativeGender.Female,
            Active = true,
            Telecom = [new ContactPoint(ContactPoint.ContactPointSystem.Email, null, "a@example.org")],
            Name = [new HumanName { Family = "Müller", Given = ["Zoë"] }],
            BirthDate = "1970-03",
            GeneralPractitioner = [new ResourceReference("Practitioner/dr-1")],
            Meta = new Meta { Tag = [new Coding("urn:tags", "demo")], Profile = ["http://example.org/StructureDefinition/p"] },
        };

        var entries = Indexer.Index(patient);

        Assert.Contains(new TokenIndexEntry("identifier", "urn:mrn", "42"), entries.Tokens);
        Assert.Contains(new TokenIndexEntry("identifier", null, "no-system"), entries.Tokens);
        Assert.Contains(new TokenIndexEntry("gender", null, "female"), entries.Tokens);
        Assert.Contains(new TokenIndexEntry("active", null, "true"), entries.Tokens);
        Assert.Contains(new TokenIndexEntry("email", null, "a@example.org"), entries.Tokens);
        Assert.Contains(new TokenIndexEntry("_tag", "urn:tags", "demo"), entries.Tokens);
        Assert.Contains(new StringIndexEntry("family", "muller", "Müller"), entries.Strings);
        Assert.Contains(new StringIndexEntry("name", "zoe", "Zoë"), entries.Strings);
        Assert.Contains(new ReferenceIndexEntry("general-practitioner", null, "Practitioner", "dr-1", null), entries.References);
        Assert.Contains(new UriIndexEntry("_profile", "http://example.org/StructureDefinition/p"), entries.Uris);
        var birth = Assert.Single(entries.Dates, d => d.ParamCode == "birthdate");
        Assert.Equal(new DateTimeOffset(1970, 3, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), birth.Start);
        Assert.Equal(new DateTimeOffset(1970, 4, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() - 1, birth.End);
    }

    [Fact]
    public void Index_Observation_IndexesCodesQuantitiesAndComposites()
    {
        var observation = new Observation
        {
            Status = ObservationStatus.Final,
            Code = new CodeableConcept { Coding = [new Coding("http://loinc.org", "94076-7"), new Coding("urn:local", "TMB")] },
            Subject = new ResourceReference("http://other.example/fhir/Patient/p9/_history/2"),
            Value = new Quantity(12.5m, "{mutations}/Mb"),
            Effective = new Period { Start = "2026-01-02" },
            Component = [new Observation.ComponentComponent { Code = new CodeableConcept("http://loinc.org", "48018-6"), Value = new CodeableConcept("http://www.genenames.org/geneId", "HGNC:3236") }],
        };

        var entries = Indexer.Index(observation);

        Assert.Contains(new TokenIndexEntry("code", "http://loinc.org", "94076-7"), entries.Tokens);
        Assert.Contains(new TokenIndexEntry("code", "urn:local", "TMB"), entries.Tokens);
        Assert.Contains(new TokenIndexEntry("status", null, "final"), entries.Tokens);
        Assert.Contains(new ReferenceIndexEntry("subject", "http://other.example/fhir", "Patient", "p9", 2), entries.References);
        var quantity = Assert.Single(entries.Quantities, q => q.ParamCode == "value-quantity");
        Assert.Equal((12.45m, 12.55m), (quantity.Low, quantity.High));
        var effective = Assert.Single(entries.Dates, d => d.ParamCode == "date");
        Assert.Equal(long.MaxValue, effective.End); // open Period end
        Assert.Contains(entries.Composites, c => c.ParamCode == "code-value-quantity" && c.Code1 == "94076-7" && c.Low2 == 12.45m);
        Assert.Contains(entries.Composites, c => c.ParamCode == "component-code-value-concept" && c.Code1 == "48018-6" && c.Code2 == "HGNC:3236");
    }

    [Fact]
    public void Catalog_KnowsCoreAndCommonParametersOfServedTypesOnly()
    {
        Assert.Equal(SearchParamType.Token, Catalog.Find("Patient", "identifier")?.Type);
        Assert.Equal(SearchParamType.String, Catalog.Find("Patient", "name")?.Type);
        Assert.Equal(SearchParamType.Token, Catalog.Find("Task", "business-status")?.Type);
        Assert.Equal(SearchParamType.Composite, Catalog.Find("Observation", "code-value-quantity")?.Type);
        Assert.Equal(SearchParamType.Token, Catalog.Find("Condition", "_tag")?.Type);
        Assert.Empty(Catalog.ForType("Medication"));
        Assert.DoesNotContain("AllergyIntolerance", Catalog.Find("Observation", "code")!.Expression, StringComparison.Ordinal);
    }
}
