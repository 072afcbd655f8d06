using System.Net;
using FhirOncology.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;

namespace FhirOncology.IntegrationTests.Security;

/// <summary>
/// The isolation matrix (issue #5): organisation B tries every path into organisation A's referral — read, vread,
/// history at each level, search, _include, _revinclude, chains, _has, conditional update and delete, direct
/// writes, transaction and batch entries, $validate, and paging links — and gets nothing. The reviewing
/// organisation R, owner of A's Task, sees A's case and nothing of B's. Leaks through _include and history are
/// what other FHIR servers got wrong, so each is tried explicitly.
/// </summary>
public sealed class OrganisationIsolationTests(IsolationServer server) : IClassFixture<IsolationServer>
{
    private HttpClient A => server.A;

    private HttpClient B => server.B;

    private HttpClient R => server.R;

    [Fact]
    public async Task OtherOrganisation_CannotRead_Vread_OrReadInstanceHistory()
    {
        await (await B.GetAsync($"/fhir/Patient/{server.PatientA}")).AssertOutcomeAsync(HttpStatusCode.NotFound);
        await (await B.GetAsync($"/fhir/Patient/{server.PatientA}/_history/1")).AssertOutcomeAsync(HttpStatusCode.NotFound);
        await (await B.GetAsync($"/fhir/Patient/{server.PatientA}/_history")).AssertOutcomeAsync(HttpStatusCode.NotFound);
        await (await B.GetAsync($"/fhir/Task/{server.TaskA}")).AssertOutcomeAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await A.GetAsync($"/fhir/Patient/{server.PatientA}")).StatusCode);
    }

    [Fact]
    public async Task OtherOrganisation_TypeAndSystemHistory_LeaveOutTheOthersResources()
    {
        var typeHistory = await SearchAsync(B, "/fhir/Patient/_history?_count=1000");
        var systemHistory = await SearchAsync(B, "/fhir/_history?_count=1000");

        Assert.DoesNotContain(server.PatientA, Ids(typeHistory));
        Assert.Contains(server.PatientB, Ids(typeHistory));
        Assert.DoesNotContain(Ids(systemHistory), id => id == server.PatientA || id == server.ObservationA || id == server.TaskA || id == server.ReferralA);
        // Provenance recorded for A's writes is A's too.
        Assert.All(systemHistory.Entry.Where(e => e.Resource is Provenance).Select(e => (Provenance)e.Resource),
            provenance => Assert.DoesNotContain(provenance.Target, t => t.Reference.Contains(server.PatientA, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task OtherOrganisation_Search_FindsNothingOfTheOthers()
    {
        Assert.Empty((await SearchAsync(B, $"/fhir/Patient?identifier={IsolationServer.Mrn}|A-1")).Entry);
        Assert.Empty((await SearchAsync(B, $"/fhir/Observation?subject=Patient/{server.PatientA}")).Entry);
        Assert.Empty((await SearchAsync(B, "/fhir/ServiceRequest?identifier=urn:referrer:referral|A-REF-1")).Entry);
        Assert.Empty((await SearchAsync(B, $"/fhir/Patient?_id={server.PatientA}")).Entry);
        Assert.DoesNotContain(server.PatientA, Ids(await SearchAsync(B, "/fhir/?_type=Patient,Observation&_count=1000")));
        Assert.Single((await SearchAsync(A, $"/fhir/Patient?identifier={IsolationServer.Mrn}|A-1")).Entry);
    }

    [Fact]
    public async Task OtherOrganisation_Include_DoesNotPullInTheOthersResources()
    {
        var included = await SearchAsync(B, $"/fhir/Observation?_id={server.ObservationBOnReferralA}&_include=Observation:based-on");
        var wildcard = await SearchAsync(B, $"/fhir/Observation?_id={server.ObservationBOnReferralA}&_include=*");

        Assert.Equal([server.ObservationBOnReferralA], Ids(included));
        Assert.Contains(server.PatientB, Ids(wildcard)); // B's own subject is included
        Assert.DoesNotContain(server.ReferralA, Ids(wildcard));
    }

    [Fact]
    public async Task OtherOrganisation_RevInclude_DoesNotPullInTheOthersResources()
    {
        var bundle = await SearchAsync(B, $"/fhir/Specimen?_id={server.SpecimenB}&_revinclude=Observation:specimen&_revinclude=Provenance:target");

        Assert.Contains(server.SpecimenB, Ids(bundle));
        Assert.DoesNotContain(server.ObservationAOnSpecimenB, Ids(bundle));
        // A's own revinclude from its Observation finds it.
        Assert.Contains(server.ObservationAOnSpecimenB, Ids(await SearchAsync(A, $"/fhir/Observation?specimen=Specimen/{server.SpecimenB}")));
    }

    [Fact]
    public async Task OtherOrganisation_ChainAndHas_DoNotLookIntoTheOthersResources()
    {
        var chained = await SearchAsync(B, "/fhir/Observation?based-on:ServiceRequest.identifier=urn:referrer:referral|A-REF-1");
        var reverse = await SearchAsync(B, $"/fhir/Specimen?_has:Observation:specimen:code=http://loinc.org|2093-3");

        Assert.Empty(chained.Entry);
        Assert.Empty(reverse.Entry);
    }

    [Fact]
    public async Task OtherOrganisation_ConditionalUpdateAndDelete_NeverMatchTheOthersResources()
    {
        var update = await B.PutAsync($"/fhir/Patient?identifier={IsolationServer.Mrn}|A-1", FhirHttp.Json(FhirHttp.NewPatient("A-1", "Imposter")));
        var delete = await B.DeleteAsync($"/fhir/Patient?identifier={IsolationServer.Mrn}|A-1");

        Assert.Equal(HttpStatusCode.Created, update.StatusCode); // B's own new Patient, not A's
        Assert.True(delete.IsSuccessStatusCode);
        var patientA = await (await A.GetAsync($"/fhir/Patient/{server.PatientA}")).ReadAsync<Patient>();
        Assert.Equal("Testperson", patientA.Name[0].Family);
    }

    [Fact]
    public async Task OtherOrganisation_CannotChangeTheOthersResources()
    {
        var patient = FhirHttp.NewPatient("A-1", "Changed");
        patient.Id = server.PatientA;

        await (await B.PutAsync($"/fhir/Patient/{server.PatientA}", FhirHttp.Json(patient))).AssertOutcomeAsync(HttpStatusCode.Forbidden);
        await (await B.DeleteAsync($"/fhir/Patient/{server.PatientA}")).AssertOutcomeAsync(HttpStatusCode.Forbidden);
        var patch = FhirHttp.Request(HttpMethod.Patch, $"/fhir/Patient/{server.PatientA}",
            new StringContent("[{\"op\":\"test\",\"path\":\"/gender\",\"value\":\"female\"}]", System.Text.Encoding.UTF8, "application/json-patch+json"));
        await (await B.SendAsync(patch)).AssertOutcomeAsync(HttpStatusCode.NotFound);
        Assert.Equal("Testperson", (await (await A.GetAsync($"/fhir/Patient/{server.PatientA}")).ReadAsync<Patient>()).Name[0].Family);
    }

    [Fact]
    public async Task OtherOrganisation_CannotAttachDataToTheOthersPatient()
    {
        var response = await B.PostAsync("/fhir/Observation", FhirHttp.Json(IsolationServer.Observation("Patient/" + server.PatientA, "718-7")));

        await response.AssertOutcomeAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task OtherOrganisation_TransactionAndBatchEntries_AreCheckedOneByOne()
    {
        var patient = FhirHttp.NewPatient("A-1", "Changed");
        patient.Id = server.PatientA;
        var transaction = new Bundle { Type = Bundle.BundleType.Transaction };
        transaction.Entry.Add(new Bundle.EntryComponent
        {
            FullUrl = "urn:uuid:" + Guid.NewGuid(),
            Resource = FhirHttp.NewPatient("B-2"),
            Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = "Patient" },
        });
        transaction.Entry.Add(new Bundle.EntryComponent
        {
            Resource = patient,
            Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.PUT, Url = "Patient/" + server.PatientA },
        });
        var batch = new Bundle { Type = Bundle.BundleType.Batch };
        batch.Entry.Add(new Bundle.EntryComponent { Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.GET, Url = "Patient/" + server.PatientA } });
        batch.Entry.Add(new Bundle.EntryComponent { Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.GET, Url = $"Observation?subject=Patient/{server.PatientA}" } });

        var transactionResponse = await B.PostAsync("/fhir", FhirHttp.Json(transaction));
        var batchResponse = await (await B.PostAsync("/fhir", FhirHttp.Json(batch))).ReadAsync<Bundle>();

        await transactionResponse.AssertOutcomeAsync(HttpStatusCode.Forbidden);
        Assert.Empty((await SearchAsync(B, $"/fhir/Patient?identifier={IsolationServer.Mrn}|B-2")).Entry); // all or nothing
        Assert.StartsWith("404", batchResponse.Entry[0].Response.Status, StringComparison.Ordinal);
        Assert.Empty(((Bundle)batchResponse.Entry[1].Resource).Entry);
    }

    [Fact]
    public async Task OtherOrganisation_CannotValidateTheOthersStoredResource()
    {
        await (await B.GetAsync($"/fhir/Patient/{server.PatientA}/$validate")).AssertOutcomeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OtherOrganisation_FollowingTheOthersPagingLink_GetsOnlyItsOwnData()
    {
        var firstPage = await SearchAsync(A, "/fhir/Observation?_count=1");
        var next = firstPage.Link.Single(l => l.Relation == "next").Url;

        var followed = await SearchAsync(B, new Uri(next).PathAndQuery);

        Assert.DoesNotContain(Ids(followed), id => id == server.ObservationA || id == server.ObservationAOnSpecimenB);
    }

    [Fact]
    public async Task Reviewer_SeesTheCaseItsOrganisationOwnsTheTaskOf_AndNothingElse()
    {
        var worklist = await SearchAsync(R, "/fhir/Task?owner=Organization/org-r&_include=Task:focus&_include=Task:patient");

        Assert.Contains(server.TaskA, Ids(worklist));
        Assert.Contains(server.ReferralA, Ids(worklist));
        Assert.Contains(server.PatientA, Ids(worklist));
        Assert.Equal(HttpStatusCode.OK, (await R.GetAsync($"/fhir/Observation/{server.ObservationA}")).StatusCode);
        Assert.Contains(server.ObservationA, Ids(await SearchAsync(R, $"/fhir/Observation?subject=Patient/{server.PatientA}")));
        await (await R.GetAsync($"/fhir/Patient/{server.PatientB}")).AssertOutcomeAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(server.PatientB, Ids(await SearchAsync(R, "/fhir/Patient?_count=1000")));
    }

    [Fact]
    public async Task Reviewer_WritesIntoTheCase_AndTheReferrerSeesIt()
    {
        var note = IsolationServer.Observation("Patient/" + server.PatientA, "11526-1", "exam");
        var id = await IsolationServer.CreateAsync(R, note);

        Assert.Equal(HttpStatusCode.OK, (await A.GetAsync($"/fhir/Observation/{id}")).StatusCode);
        await (await B.GetAsync($"/fhir/Observation/{id}")).AssertOutcomeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DirectoryResources_AreReadableByEveryOrganisation_ButChangedOnlyByTheirOwner()
    {
        var organization = new Organization { Name = "Org A clinic", Active = true };
        var id = await IsolationServer.CreateAsync(A, organization);
        organization.Id = id;
        organization.Name = "Renamed by B";

        Assert.Equal(HttpStatusCode.OK, (await B.GetAsync($"/fhir/Organization/{id}")).StatusCode);
        await (await B.PutAsync($"/fhir/Organization/{id}", FhirHttp.Json(organization))).AssertOutcomeAsync(HttpStatusCode.Forbidden);
    }

    private static async Task<Bundle> SearchAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<Bundle>();
    }

    private static List<string> Ids(Bundle bundle) => [.. bundle.Entry.Where(e => e.Resource is not null and not OperationOutcome).Select(e => e.Resource.Id)];
}
