using System.Net;
using FhirOncology.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;

namespace FhirOncology.IntegrationTests.Api;

/// <summary>Transaction and batch Bundles (bundle.html#transaction, http.html#transaction).</summary>
public sealed class TransactionTests(TransactionTests.Server factory) : IClassFixture<TransactionTests.Server>
{
    private const string Mrn = "urn:oid:1.2.36.146.595.217.0.1";
    private readonly HttpClient _client = factory.CreateClient();

    /// <summary>A server with a small entry limit, so the 413 path is cheap to reach.</summary>
    public sealed class Server : FhirServerFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings =>
            new Dictionary<string, string?> { ["Fhir:MaxBundleEntries"] = "20" };
    }

    /// <summary>A small referral: Patient, Condition, ServiceRequest and Task linked by urn:uuid references.</summary>
    private static Bundle Referral(string mrn, string referralId)
    {
        var (patient, condition, request, task) = ("urn:uuid:" + Guid.NewGuid(), "urn:uuid:" + Guid.NewGuid(), "urn:uuid:" + Guid.NewGuid(), "urn:uuid:" + Guid.NewGuid());
        var bundle = new Bundle { Type = Bundle.BundleType.Transaction };
        void Add(string fullUrl, Resource resource, string ifNoneExist) => bundle.Entry.Add(new Bundle.EntryComponent
        {
            FullUrl = fullUrl,
            Resource = resource,
            Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = resource.TypeName, IfNoneExist = ifNoneExist },
        });
        Add(patient, FhirHttp.NewPatient(mrn), $"identifier={Mrn}|{mrn}");
        Add(condition, new Condition
        {
            Identifier = [new Identifier("urn:referrer:condition", referralId)],
            Subject = new ResourceReference(patient),
            Code = new CodeableConcept("http://snomed.info/sct", "254637007"),
        }, $"identifier=urn:referrer:condition|{referralId}");
        Add(request, new ServiceRequest
        {
            Identifier = [new Identifier("urn:referrer:referral", referralId)],
            Status = RequestStatus.Active,
            Intent = RequestIntent.Order,
            Subject = new ResourceReference(patient),
            ReasonReference = [new ResourceReference(condition)],
        }, $"identifier=urn:referrer:referral|{referralId}");
        Add(task, new Hl7.Fhir.Model.Task
        {
            Identifier = [new Identifier("urn:referrer:task", referralId)],
            Status = Hl7.Fhir.Model.Task.TaskStatus.Requested,
            Intent = Hl7.Fhir.Model.Task.TaskIntent.Order,
            Focus = new ResourceReference(request),
            For = new ResourceReference(patient),
        }, $"identifier=urn:referrer:task|{referralId}");
        return bundle;
    }

    private async Task<Bundle> PostAsync(Bundle bundle, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await _client.PostAsync("/fhir", FhirHttp.Json(bundle));
        Assert.Equal(expected, response.StatusCode);
        return await response.ReadAsync<Bundle>();
    }

    private async Task<int> CountAsync(string query) =>
        (await (await _client.GetAsync($"/fhir/{query}&_summary=count")).ReadAsync<Bundle>()).Total ?? -1;

    [Fact]
    public async Task Transaction_Referral_CreatesAllAndRewritesUrnReferences()
    {
        var referralId = Guid.NewGuid().ToString("N");
        var response = await PostAsync(Referral("tx-" + referralId, referralId));

        Assert.Equal(Bundle.BundleType.TransactionResponse, response.Type);
        Assert.All(response.Entry, e => Assert.Equal("201 Created", e.Response.Status));
        Assert.All(response.Entry, e => Assert.Matches(@"^\w+/[0-9a-f]{32}/_history/1$", e.Response.Location));
        var patientId = response.Entry[0].Resource.Id;
        var conditionId = response.Entry[1].Resource.Id;
        var task = (Hl7.Fhir.Model.Task)response.Entry[3].Resource;
        Assert.Equal($"Patient/{patientId}", task.For.Reference);
        Assert.Equal($"ServiceRequest/{response.Entry[2].Resource.Id}", task.Focus.Reference);
        var stored = await (await _client.GetAsync($"/fhir/ServiceRequest/{response.Entry[2].Resource.Id}")).ReadAsync<ServiceRequest>();
        Assert.Equal($"Condition/{conditionId}", stored.ReasonReference[0].Reference);
        Assert.Equal(1, await CountAsync($"Task?patient={patientId}&focus:ServiceRequest.identifier={referralId}"));
    }

    [Fact]
    public async Task Transaction_Resubmitted_ReturnsTheSameResourcesWithoutDuplicates()
    {
        var referralId = Guid.NewGuid().ToString("N");
        var first = await PostAsync(Referral("retry-" + referralId, referralId));
        var second = await PostAsync(Referral("retry-" + referralId, referralId)); // the EHR retries after a timeout

        Assert.All(second.Entry, e => Assert.Equal("200 OK", e.Response.Status));
        Assert.Equal(first.Entry.Select(e => e.Resource.Id), second.Entry.Select(e => e.Resource.Id));
        Assert.Equal(1, await CountAsync($"Task?identifier=urn:referrer:task|{referralId}"));
    }

    [Fact]
    public async Task Transaction_OneInvalidEntry_FailsWholeAndStoresNothing()
    {
        var referralId = Guid.NewGuid().ToString("N");
        var bundle = Referral("bad-" + referralId, referralId);
        bundle.Entry[2].Request.Url = "Observation"; // resource is a ServiceRequest

        var response = await _client.PostAsync("/fhir", FhirHttp.Json(bundle));

        var outcome = await response.AssertOutcomeAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Bundle.entry[2]", outcome.Issue[0].Expression.Single());
        Assert.Equal(0, await CountAsync($"Patient?identifier={Mrn}|bad-{referralId}"));
    }

    [Fact]
    public async Task Transaction_ConditionalReference_ResolvesOneMatchAnd412Otherwise()
    {
        var mrn = "cref-" + Guid.NewGuid().ToString("N");
        var patient = await _client.CreatePatientAsync(mrn);
        Bundle WithSubject(string reference) => new()
        {
            Type = Bundle.BundleType.Transaction,
            Entry = [new Bundle.EntryComponent
            {
                Resource = new Observation { Status = ObservationStatus.Final, Code = new CodeableConcept("http://loinc.org", "8480-6"), Subject = new ResourceReference(reference) },
                Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = "Observation" },
            }],
        };

        var ok = await PostAsync(WithSubject($"Patient?identifier={Mrn}|{mrn}"));
        Assert.Equal($"Patient/{patient.Id}", ((Observation)ok.Entry[0].Resource).Subject.Reference);
        var none = await _client.PostAsync("/fhir", FhirHttp.Json(WithSubject($"Patient?identifier={Mrn}|nobody-{mrn}")));
        await none.AssertOutcomeAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Transaction_DeleteAndGet_RunInSpecOrder()
    {
        var doomed = await _client.CreatePatientAsync("doomed-" + Guid.NewGuid().ToString("N"));
        var bundle = new Bundle
        {
            Type = Bundle.BundleType.Transaction,
            Entry =
            [
                new() { Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.GET, Url = $"Patient/{doomed.Id}" } },
                new() { Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.DELETE, Url = $"Patient/{doomed.Id}" } },
            ],
        };

        var response = await PostAsync(bundle);

        Assert.Equal("204 No Content", response.Entry[1].Response.Status);
        Assert.StartsWith("410", response.Entry[0].Response.Status, StringComparison.Ordinal); // GET runs after the DELETE
    }

    [Fact]
    public async Task Transaction_SameResourceTwice_Returns400()
    {
        var patient = await _client.CreatePatientAsync("twice-" + Guid.NewGuid().ToString("N"));
        var bundle = new Bundle { Type = Bundle.BundleType.Transaction };
        for (var i = 0; i < 2; i++)
        {
            bundle.Entry.Add(new Bundle.EntryComponent { Resource = patient, Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.PUT, Url = $"Patient/{patient.Id}" } });
        }

        await (await _client.PostAsync("/fhir", FhirHttp.Json(bundle))).AssertOutcomeAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Batch_EntriesSucceedOrFailIndependently()
    {
        var existing = await _client.CreatePatientAsync("batch-" + Guid.NewGuid().ToString("N"));
        var bundle = new Bundle
        {
            Type = Bundle.BundleType.Batch,
            Entry =
            [
                new() { Resource = FhirHttp.NewPatient("batch-new"), Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = "Patient" } },
                new() { Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.GET, Url = "Patient/does-not-exist" } },
                new() { Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.GET, Url = $"Patient/{existing.Id}" } },
                new() { Resource = FhirHttp.NewPatient("x"), Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.PUT, Url = "Patient/mismatch" } },
            ],
        };

        var response = await PostAsync(bundle);

        Assert.Equal(Bundle.BundleType.BatchResponse, response.Type);
        Assert.Equal(["201 Created", "404 NotFound", "200 OK", "400 BadRequest"], response.Entry.Select(e => e.Response.Status));
        Assert.IsType<OperationOutcome>(response.Entry[1].Response.Outcome);
        Assert.Equal(existing.Id, response.Entry[2].Resource.Id);
    }

    [Fact]
    public async Task Bundle_TooManyEntriesOrWrongType_Rejected()
    {
        var tooMany = new Bundle { Type = Bundle.BundleType.Batch };
        for (var i = 0; i < 21; i++)
        {
            tooMany.Entry.Add(new Bundle.EntryComponent { Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.GET, Url = "Patient/x" } });
        }

        await (await _client.PostAsync("/fhir", FhirHttp.Json(tooMany))).AssertOutcomeAsync(HttpStatusCode.RequestEntityTooLarge);
        await (await _client.PostAsync("/fhir", FhirHttp.Json(new Bundle { Type = Bundle.BundleType.Collection }))).AssertOutcomeAsync(HttpStatusCode.BadRequest);
        await (await _client.PostAsync("/fhir", FhirHttp.Json(FhirHttp.NewPatient("not-a-bundle")))).AssertOutcomeAsync(HttpStatusCode.BadRequest);
    }
}
