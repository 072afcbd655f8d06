using FhirOncology.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;

namespace FhirOncology.IntegrationTests.Security;

/// <summary>
/// Two referring organisations (A and B) and a reviewing one (R), each with a system client, and one referral of
/// A whose Task is owned by R. B must see none of A's case; R sees A's case because it owns the Task.
/// </summary>
public sealed class IsolationServer : FhirServerFactory, IAsyncLifetime
{
    public const string Mrn = "urn:oid:1.2.36.146.595.217.0.1";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Auth:ClientOrganizations:ehr-a"] = "org-a",
        ["Auth:ClientOrganizations:ehr-b"] = "org-b",
        ["Auth:ClientOrganizations:review-r"] = "org-r",
    };

    public HttpClient A { get; private set; } = null!;

    public HttpClient B { get; private set; } = null!;

    public HttpClient R { get; private set; } = null!;

    public string PatientA { get; private set; } = "";

    public string ObservationA { get; private set; } = "";

    public string ReferralA { get; private set; } = "";

    public string TaskA { get; private set; } = "";

    public string PatientB { get; private set; } = "";

    public string ObservationB { get; private set; } = "";

    /// <summary>B's Observation based on A's referral (a reference B may hold, to a resource B may not see).</summary>
    public string ObservationBOnReferralA { get; private set; } = "";

    /// <summary>B's Specimen, and A's Observation made on it.</summary>
    public string SpecimenB { get; private set; } = "";

    public string ObservationAOnSpecimenB { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        A = Client("ehr-a");
        B = Client("ehr-b");
        R = Client("review-r");

        var referral = await A.PostAsync("/fhir", FhirHttp.Json(ReferralBundle()));
        var entries = (await referral.ReadAsync<Bundle>()).Entry;
        PatientA = IdOf(entries[0]);
        ObservationA = IdOf(entries[1]);
        ReferralA = IdOf(entries[2]);
        TaskA = IdOf(entries[3]);

        PatientB = (await B.CreatePatientAsync("B-1")).Id;
        ObservationB = await CreateAsync(B, Observation("Patient/" + PatientB, "718-7"));
        var onReferral = Observation("Patient/" + PatientB, "718-7");
        onReferral.BasedOn = [new ResourceReference("ServiceRequest/" + ReferralA)];
        ObservationBOnReferralA = await CreateAsync(B, onReferral);
        SpecimenB = await CreateAsync(B, new Specimen { Identifier = [new Identifier("urn:specimen", "S-B-1")] });
        var onSpecimen = Observation("Patient/" + PatientA, "2093-3");
        onSpecimen.Specimen = new ResourceReference("Specimen/" + SpecimenB);
        ObservationAOnSpecimenB = await CreateAsync(A, onSpecimen);
    }

    public HttpClient Client(string clientId, string scopes = DefaultScopes, string? fhirUser = null, string? patient = null) =>
        CreateClient(TestIssuer.Shared.CreateToken(clientId, scopes, fhirUser, patient));

    public static Observation Observation(string subject, string loinc, string category = "laboratory") => new()
    {
        Status = ObservationStatus.Final,
        Category = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/observation-category", category)],
        Code = new CodeableConcept("http://loinc.org", loinc),
        Subject = new ResourceReference(subject),
    };

    public static async Task<string> CreateAsync(HttpClient client, Resource resource)
    {
        var response = await client.PostAsync("/fhir/" + resource.TypeName, FhirHttp.Json(resource));
        Assert.True(response.IsSuccessStatusCode, $"{resource.TypeName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.ReadAsync<Resource>()).Id;
    }

    private static string IdOf(Bundle.EntryComponent entry) => entry.Response.Location.Split('/')[1];

    private static Bundle ReferralBundle()
    {
        var (patient, observation, request, task) = ("urn:uuid:" + Guid.NewGuid(), "urn:uuid:" + Guid.NewGuid(), "urn:uuid:" + Guid.NewGuid(), "urn:uuid:" + Guid.NewGuid());
        var bundle = new Bundle { Type = Bundle.BundleType.Transaction };
        void Add(string fullUrl, Resource resource) => bundle.Entry.Add(new Bundle.EntryComponent
        {
            FullUrl = fullUrl,
            Resource = resource,
            Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = resource.TypeName },
        });
        Add(patient, FhirHttp.NewPatient("A-1"));
        Add(observation, Observation(patient, "718-7"));
        Add(request, new ServiceRequest
        {
            Identifier = [new Identifier("urn:referrer:referral", "A-REF-1")],
            Status = RequestStatus.Active,
            Intent = RequestIntent.Order,
            Subject = new ResourceReference(patient),
        });
        Add(task, new Hl7.Fhir.Model.Task
        {
            Status = Hl7.Fhir.Model.Task.TaskStatus.Requested,
            Intent = Hl7.Fhir.Model.Task.TaskIntent.Order,
            Focus = new ResourceReference(request),
            For = new ResourceReference(patient),
            Owner = new ResourceReference("Organization/org-r"),
        });
        return bundle;
    }
}
