using System.Net;
using FhirOncology.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;

namespace FhirOncology.IntegrationTests.Api;

/// <summary>Search by parameter type, modifier and prefix (search.html). Each test makes its own patient and data.</summary>
public sealed class SearchTests(FhirServerFactory factory) : IClassFixture<FhirServerFactory>
{
    private const string Loinc = "http://loinc.org";
    private const string Ucum = "http://unitsofmeasure.org";
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<T> CreateAsync<T>(T resource) where T : Resource
    {
        var response = await _client.PostAsync($"/fhir/{resource.TypeName}", FhirHttp.Json(resource));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<T>();
    }

    private Task<Patient> PatientAsync(string family = "Müller", string birthDate = "1970-03-04") => CreateAsync(new Patient
    {
        Identifier = [new Identifier("urn:mrn", Guid.NewGuid().ToString("N"))],
        Name = [new HumanName { Family = family, Given = ["Zoë"] }],
        BirthDate = birthDate,
        Gender = AdministrativeGender.Female,
    });

    private Task<Observation> ObservationAsync(Patient patient, string code, decimal? value = null, string effective = "2026-01-15T10:00:00Z") =>
        CreateAsync(new Observation
        {
            Status = ObservationStatus.Final,
            Code = new CodeableConcept(Loinc, code),
            Subject = new ResourceReference($"Patient/{patient.Id}"),
            Effective = new FhirDateTime(effective),
            Value = value is null ? null : new Quantity { Value = value, System = Ucum, Code = "mm[Hg]", Unit = "mmHg" },
        });

    private async Task<Bundle> SearchAsync(string query, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await _client.GetAsync("/fhir/" + query);
        Assert.Equal(expected, response.StatusCode);
        var bundle = await response.ReadAsync<Bundle>();
        Assert.Equal(Bundle.BundleType.Searchset, bundle.Type);
        return bundle;
    }

    private static List<string> Ids(Bundle bundle, Bundle.SearchEntryMode mode = Bundle.SearchEntryMode.Match) =>
        [.. bundle.Entry.Where(e => e.Search?.Mode == mode).Select(e => e.Resource.Id)];

    [Fact]
    public async Task Search_TokenAndReference_FindsThePatientsObservationByCode()
    {
        var patient = await PatientAsync();
        var systolic = await ObservationAsync(patient, "8480-6", 120);
        await ObservationAsync(patient, "8462-4", 80);

        var bundle = await SearchAsync($"Observation?subject=Patient/{patient.Id}&code={Loinc}|8480-6");

        Assert.Equal([systolic.Id], Ids(bundle));
        Assert.Equal($"http://localhost/fhir/Observation/{systolic.Id}", bundle.Entry[0].FullUrl);
        Assert.Equal([systolic.Id], Ids(await SearchAsync($"Observation?patient={patient.Id}&code=8480-6")));
        Assert.Equal([systolic.Id], Ids(await SearchAsync($"Observation?subject:Patient={patient.Id}&code=8480-6")));
        Assert.Empty(Ids(await SearchAsync($"Observation?subject={patient.Id}&code=urn:other|8480-6")));
    }

    [Fact]
    public async Task Search_String_StartsWithAccentAndCaseInsensitiveWithExactAndContains()
    {
        var family = "Ærøskøbing" + Guid.NewGuid().ToString("N")[..6];
        var patient = await PatientAsync(family);

        Assert.Equal([patient.Id], Ids(await SearchAsync($"Patient?family={Uri.EscapeDataString("ÆRØSK")}&_id={patient.Id}")));
        Assert.Equal([patient.Id], Ids(await SearchAsync($"Patient?name={Uri.EscapeDataString(family[..5].ToLowerInvariant())}&_id={patient.Id}")));
        Assert.Equal([patient.Id], Ids(await SearchAsync($"Patient?family:exact={Uri.EscapeDataString(family)}")));
        Assert.Empty(Ids(await SearchAsync($"Patient?family:exact={Uri.EscapeDataString(family.ToUpperInvariant())}")));
        Assert.Equal([patient.Id], Ids(await SearchAsync($"Patient?family:contains={family[^6..]}")));
    }

    [Theory]
    [InlineData("1970", true)]
    [InlineData("1970-03", true)]
    [InlineData("1970-03-04", true)]
    [InlineData("1970-03-05", false)]
    [InlineData("gt1969", true)]
    [InlineData("lt1970-03-04", false)]
    [InlineData("le1970-03-04", true)]
    [InlineData("ge1970-03-04T12:00:00Z", true)] // the day overlaps noon onwards
    [InlineData("sa1970-02", true)]
    [InlineData("eb1970-03", false)]
    [InlineData("ne1970", false)]
    public async Task Search_DatePrefixes_CompareRangesAtTheirPrecision(string value, bool matches)
    {
        var patient = await PatientAsync(birthDate: "1970-03-04");
        var ids = Ids(await SearchAsync($"Patient?_id={patient.Id}&birthdate={Uri.EscapeDataString(value)}"));
        Assert.Equal(matches, ids.Contains(patient.Id));
    }

    [Theory]
    [InlineData("120", true)] // eq: within the precision of 120, i.e. [119.5, 120.5)
    [InlineData("120.2", true)]
    [InlineData("121", false)]
    [InlineData("gt100", true)]
    [InlineData("lt100", false)]
    [InlineData("ge120.2", true)]
    [InlineData("gt100|http://unitsofmeasure.org|mm[Hg]", true)]
    [InlineData("gt100||mm[Hg]", true)]
    [InlineData("gt100|http://unitsofmeasure.org|kg", false)]
    public async Task Search_QuantityPrefixesAndUnits_Match(string value, bool matches)
    {
        var patient = await PatientAsync();
        var observation = await ObservationAsync(patient, "8480-6", 120.2m);
        var ids = Ids(await SearchAsync($"Observation?subject={patient.Id}&value-quantity={Uri.EscapeDataString(value)}"));
        Assert.Equal(matches, ids.Contains(observation.Id));
    }

    [Theory]
    [InlineData("2026-01-15T11:00:00%2B01:00", true)] // the same instant written in another zone
    [InlineData("2026-01-15T10:00:00Z", true)]
    [InlineData("2026-01-15T10:00:00-05:00", false)] // 15:00Z
    [InlineData("gt2026-01-15T09:59:59Z", true)]
    [InlineData("lt2026-01-15T06:00:00-05:00", true)] // before 11:00Z
    [InlineData("2026-01-15", true)] // the day contains the instant
    public async Task Search_DateTimeZones_CompareInstants(string value, bool matches)
    {
        var patient = await PatientAsync();
        var observation = await ObservationAsync(patient, "8480-6", 120, effective: "2026-01-15T10:00:00Z");
        var ids = Ids(await SearchAsync($"Observation?subject={patient.Id}&date={value}"));
        Assert.Equal(matches, ids.Contains(observation.Id));
    }

    [Fact]
    public async Task Search_MultipleValuesAndRepeatedParameters_OrWithinAndAcross()
    {
        var first = await PatientAsync();
        var second = await PatientAsync();
        var a = await ObservationAsync(first, "8480-6", 120);
        var b = await ObservationAsync(second, "8462-4", 80);
        await ObservationAsync(second, "8480-6", 130);

        // Comma: either subject; repeated parameter: both conditions.
        var either = Ids(await SearchAsync($"Observation?subject={first.Id},{second.Id}&code=8480-6,8462-4&value-quantity=lt125&value-quantity=gt70"));
        Assert.Equal(new[] { a.Id, b.Id }.Order(), either.Order());
    }

    [Fact]
    public async Task Search_Composite_MatchesCodeAndValueTogether()
    {
        var patient = await PatientAsync();
        var high = await ObservationAsync(patient, "8480-6", 150);
        await ObservationAsync(patient, "8462-4", 150); // same value, other code

        var ids = Ids(await SearchAsync($"Observation?subject={patient.Id}&code-value-quantity={Uri.EscapeDataString($"{Loinc}|8480-6$gt140")}"));
        Assert.Equal([high.Id], ids);
    }

    [Fact]
    public async Task Search_TokenTextAndOfType_Modifiers()
    {
        var mrn = Guid.NewGuid().ToString("N");
        var patient = await CreateAsync(new Patient
        {
            Identifier = [new Identifier("urn:hospital", mrn) { Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v2-0203", "MR") }],
        });
        var observation = await CreateAsync(new Observation
        {
            Status = ObservationStatus.Final,
            Code = new CodeableConcept { Coding = [new Coding(Loinc, "8480-6", "Systolic blood pressure")], Text = "Blutdruck systolisch" },
            Subject = new ResourceReference($"Patient/{patient.Id}"),
        });

        Assert.Equal([patient.Id], Ids(await SearchAsync($"Patient?identifier:of-type=http://terminology.hl7.org/CodeSystem/v2-0203|MR|{mrn}")));
        Assert.Empty(Ids(await SearchAsync($"Patient?identifier:of-type=http://terminology.hl7.org/CodeSystem/v2-0203|DL|{mrn}")));
        Assert.Equal([observation.Id], Ids(await SearchAsync($"Observation?subject={patient.Id}&code:text=systolic")));
        Assert.Equal([observation.Id], Ids(await SearchAsync($"Observation?subject={patient.Id}&code:text=blutdruck")));
        Assert.Empty(Ids(await SearchAsync($"Observation?subject={patient.Id}&code:text=diastolic")));
    }

    [Fact]
    public async Task Search_MissingAndNot_Modifiers()
    {
        var patient = await PatientAsync();
        var withValue = await ObservationAsync(patient, "8480-6", 110);
        var withoutValue = await ObservationAsync(patient, "8480-6");

        Assert.Equal([withoutValue.Id], Ids(await SearchAsync($"Observation?subject={patient.Id}&value-quantity:missing=true")));
        Assert.Equal([withValue.Id], Ids(await SearchAsync($"Observation?subject={patient.Id}&value-quantity:missing=false")));
        Assert.Empty(Ids(await SearchAsync($"Observation?subject={patient.Id}&code:not=8480-6")));
        Assert.Equal(2, Ids(await SearchAsync($"Observation?subject={patient.Id}&code:not=8462-4")).Count);
    }

    [Fact]
    public async Task Search_ChainAndReverseChain_FollowReferences()
    {
        var patient = await PatientAsync();
        var observation = await ObservationAsync(patient, "94076-7", 12);
        var mrn = patient.Identifier[0].Value;

        Assert.Equal([observation.Id], Ids(await SearchAsync($"Observation?subject:Patient.identifier=urn:mrn|{mrn}")));
        Assert.Equal([observation.Id], Ids(await SearchAsync($"Observation?patient.identifier={mrn}")));
        Assert.Equal([patient.Id], Ids(await SearchAsync($"Patient?_has:Observation:subject:code=94076-7&_id={patient.Id}")));
        Assert.Empty(Ids(await SearchAsync($"Patient?_has:Observation:subject:code=00000-0&_id={patient.Id}")));
    }

    [Fact]
    public async Task Search_IncludeAndRevInclude_AddResourcesInIncludeMode()
    {
        var patient = await PatientAsync();
        var observation = await ObservationAsync(patient, "8480-6", 120);
        var report = await CreateAsync(new DiagnosticReport
        {
            Status = DiagnosticReport.DiagnosticReportStatus.Final,
            Code = new CodeableConcept(Loinc, "81247-9"),
            Subject = new ResourceReference($"Patient/{patient.Id}"),
            Result = [new ResourceReference($"Observation/{observation.Id}")],
        });

        var included = await SearchAsync($"Observation?_id={observation.Id}&_include=Observation:subject");
        Assert.Equal([observation.Id], Ids(included));
        Assert.Equal([patient.Id], Ids(included, Bundle.SearchEntryMode.Include));

        var revIncluded = await SearchAsync($"Patient?_id={patient.Id}&_revinclude=Observation:subject&_revinclude=DiagnosticReport:subject");
        Assert.Equal([patient.Id], Ids(revIncluded));
        Assert.Equal(new[] { observation.Id, report.Id }.Order(), Ids(revIncluded, Bundle.SearchEntryMode.Include).Order());

        var iterated = await SearchAsync($"DiagnosticReport?_id={report.Id}&_include=DiagnosticReport:result&_include:iterate=Observation:subject");
        Assert.Equal(new[] { observation.Id, patient.Id }.Order(), Ids(iterated, Bundle.SearchEntryMode.Include).Order());
    }

    [Fact]
    public async Task Search_Paging_FollowsNextLinksWithoutRepeatsWhileDataArrives()
    {
        var patient = await PatientAsync();
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            created.Add((await ObservationAsync(patient, "2339-0", 90 + i)).Id);
        }

        var first = await SearchAsync($"Observation?subject={patient.Id}&_count=2&_total=accurate");
        Assert.Equal(5, first.Total);
        created.Add((await ObservationAsync(patient, "2339-0", 99)).Id); // arrives mid-paging
        var seen = Ids(first);
        var next = first.NextLink;
        while (next is not null)
        {
            var page = await SearchAsync(next.PathAndQuery.TrimStart('/')[5..]);
            seen.AddRange(Ids(page));
            next = page.NextLink;
        }

        Assert.Equal(created, seen); // oldest first, each once, the late arrival at the end

        // And back again through the previous links, from the last page.
        var last = await SearchAsync($"Observation?subject={patient.Id}&_count=2&_cursor={Uri.EscapeDataString(first.NextLink!.Query.Split("_cursor=")[1])}");
        Assert.NotNull(last.PreviousLink);
        var back = await SearchAsync(last.PreviousLink!.PathAndQuery.TrimStart('/')[5..]);
        Assert.Equal(created.Take(2), Ids(back));
        Assert.Null(back.PreviousLink);
        Assert.Null(first.PreviousLink);
    }

    [Fact]
    public async Task Search_SortDescendingAndSummaryCount()
    {
        var patient = await PatientAsync();
        var older = await ObservationAsync(patient, "8867-4", 70);
        var newer = await ObservationAsync(patient, "8867-4", 72);

        Assert.Equal([newer.Id, older.Id], Ids(await SearchAsync($"Observation?subject={patient.Id}&_sort=-_lastUpdated")));
        var count = await SearchAsync($"Observation?subject={patient.Id}&_summary=count");
        Assert.Equal(2, count.Total);
        Assert.Empty(count.Entry);
    }

    [Fact]
    public async Task Search_SortByParameters_OrdersWithMissingLastAndPagesStably()
    {
        var patient = await PatientAsync();
        var effective = new[] { "2026-03-01", "2024-01-01", "2025-06-15", "2024-01-01" };
        var values = new decimal?[] { 5, 7, null, 6 };
        var created = new List<Observation>();
        for (var i = 0; i < 4; i++)
        {
            created.Add(await ObservationAsync(patient, "2951-2", values[i], effective[i]));
        }

        var byDate = Ids(await SearchAsync($"Observation?subject={patient.Id}&_sort=date,-value-quantity"));
        Assert.Equal([created[1].Id, created[3].Id, created[2].Id, created[0].Id], byDate); // 2024 (7 before 6: descending), 2025, 2026

        var seen = new List<string>();
        var page = await SearchAsync($"Observation?subject={patient.Id}&_sort=-value-quantity&_count=1");
        seen.AddRange(Ids(page));
        while (page.NextLink is { } next)
        {
            page = await SearchAsync(next.PathAndQuery.TrimStart('/')[5..]);
            seen.AddRange(Ids(page));
        }

        Assert.Equal([created[1].Id, created[3].Id, created[0].Id, created[2].Id], seen); // 7, 6, 5, then the one without a value

        // Back from the last page through the previous links: the same order, reversed page by page.
        var backwards = new List<string>(Ids(page));
        while (page.PreviousLink is { } previous)
        {
            page = await SearchAsync(previous.PathAndQuery.TrimStart('/')[5..]);
            backwards.InsertRange(0, Ids(page));
        }

        Assert.Equal(seen, backwards);
    }

    [Fact]
    public async Task Search_UnknownParameter_IgnoredAndReportedOrStrict400()
    {
        var patient = await PatientAsync();
        var lenient = await SearchAsync($"Patient?_id={patient.Id}&shoe-size=42");
        Assert.Equal([patient.Id], Ids(lenient));
        var outcome = Assert.IsType<OperationOutcome>(Assert.Single(lenient.Entry, e => e.Search.Mode == Bundle.SearchEntryMode.Outcome).Resource);
        Assert.Contains("shoe-size", outcome.Issue[0].Diagnostics, StringComparison.Ordinal);

        var strict = await _client.SendAsync(FhirHttp.Request(HttpMethod.Get, $"/fhir/Patient?_id={patient.Id}&shoe-size=42", null, ("Prefer", "handling=strict")));
        await strict.AssertOutcomeAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Search_PostForm_EqualsGet()
    {
        var patient = await PatientAsync();
        var response = await _client.PostAsync("/fhir/Patient/_search", new FormUrlEncodedContent([new("_id", patient.Id!), new("gender", "female")]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([patient.Id], Ids(await response.ReadAsync<Bundle>()));
    }

    [Fact]
    public async Task Search_SystemLevel_WithTypeAndTag()
    {
        var tag = Guid.NewGuid().ToString("N");
        var patient = FhirHttp.NewPatient("tagged");
        patient.Meta = new Meta { Tag = [new Coding("urn:t", tag)] };
        var created = await CreateAsync(patient);
        var observation = await CreateAsync(new Observation { Status = ObservationStatus.Final, Code = new CodeableConcept(Loinc, "1-8"), Meta = new Meta { Tag = [new Coding("urn:t", tag)] } });

        Assert.Equal([created.Id, observation.Id], Ids(await SearchAsync($"?_tag=urn:t|{tag}")));
        Assert.Equal([observation.Id], Ids(await SearchAsync($"?_type=Observation&_tag={tag}")));
        await SearchAsync("?_type=Observation&code=1-8", HttpStatusCode.OK); // single type: its own parameters work
    }

    [Fact]
    public async Task Search_DeletedAndSupersededValues_AreNotMatched()
    {
        var patient = await PatientAsync();
        var observation = await ObservationAsync(patient, "8310-5", 37);
        observation.Code = new CodeableConcept(Loinc, "8331-1");
        await _client.PutAsync($"/fhir/Observation/{observation.Id}", FhirHttp.Json(observation));

        Assert.Empty(Ids(await SearchAsync($"Observation?subject={patient.Id}&code=8310-5")));
        Assert.Single(Ids(await SearchAsync($"Observation?subject={patient.Id}&code=8331-1")));
        await _client.DeleteAsync($"/fhir/Observation/{observation.Id}");
        Assert.Empty(Ids(await SearchAsync($"Observation?subject={patient.Id}")));
    }

    [Theory]
    [InlineData("Patient?birthdate=yesterday")]
    [InlineData("Patient?family:below=x")]
    [InlineData("Observation?value-quantity=abc")]
    [InlineData("Patient?_count=many")]
    [InlineData("Patient?_sort=nonsense")]
    [InlineData("Patient?_sort=family&_cursor=garbage")]
    [InlineData("Patient?_cursor=abc")]
    public async Task Search_MalformedUnderStrictHandling_Returns400(string query)
    {
        var response = await _client.SendAsync(FhirHttp.Request(HttpMethod.Get, "/fhir/" + query, null, ("Prefer", "handling=strict")));
        await response.AssertOutcomeAsync(HttpStatusCode.BadRequest);
    }
}
