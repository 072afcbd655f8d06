using System.Net;
using FhirOncology.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FhirOncology.IntegrationTests.Security;

/// <summary>
/// The demo reviewer end to end: a user token from the development server carries fhirUser
/// PractitionerRole/demo-reviewer, the seeded PractitionerRole's organization (org-review-center) is the
/// organisation the user acts for, so the reviewer sees a case whose Task a referring EHR addressed to the review
/// center, and not a case that was never referred.
/// </summary>
public sealed class DevServerReviewerTests(DevServerFactory factory) : IClassFixture<DevServerFactory>
{
    private readonly HttpClient _http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task ReviewerToken_ReadsTheSeededDirectory()
    {
        var reviewer = factory.CreateClient(await DevServerTokens.UserTokenAsync(_http));

        var role = await ReadOkAsync<PractitionerRole>(reviewer, "/fhir/PractitionerRole/demo-reviewer");
        Assert.Equal("Organization/org-review-center", role.Organization.Reference);
        Assert.Equal("Practitioner/demo-reviewer-practitioner", role.Practitioner.Reference);
        var practitioner = await ReadOkAsync<Practitioner>(reviewer, "/fhir/Practitioner/demo-reviewer-practitioner");
        Assert.Equal("Reviewer", practitioner.Name[0].Family);
        foreach (var organization in new[] { "org-review-center", "org-north-hospital", "org-south-clinic" })
        {
            Assert.Equal(organization, (await ReadOkAsync<Organization>(reviewer, "/fhir/Organization/" + organization)).Id);
        }
    }

    [Fact]
    public async Task ReviewerToken_MapsToReviewCenter_SeesReferredCasesOnly()
    {
        var north = factory.CreateClient(await DevServerTokens.BackendTokenAsync(_http, "ehr-north"));
        var south = factory.CreateClient(await DevServerTokens.BackendTokenAsync(_http, "ehr-south"));
        var referred = await north.CreatePatientAsync("devauth-referred-1");
        var notReferred = await south.CreatePatientAsync("devauth-not-referred-1");
        var task = new Hl7.Fhir.Model.Task
        {
            Status = Hl7.Fhir.Model.Task.TaskStatus.Requested,
            Intent = Hl7.Fhir.Model.Task.TaskIntent.Order,
            For = new ResourceReference("Patient/" + referred.Id),
            Owner = new ResourceReference("Organization/org-review-center"),
        };
        var created = await north.PostAsync("/fhir/Task", FhirHttp.Json(task));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var taskId = (await created.ReadAsync<Hl7.Fhir.Model.Task>()).Id;

        var reviewer = factory.CreateClient(await DevServerTokens.UserTokenAsync(_http));

        Assert.Equal(referred.Id, (await ReadOkAsync<Patient>(reviewer, "/fhir/Patient/" + referred.Id)).Id);
        await (await reviewer.GetAsync("/fhir/Patient/" + notReferred.Id)).AssertOutcomeAsync(HttpStatusCode.NotFound);
        var search = await ReadOkAsync<Bundle>(reviewer, "/fhir/Task?owner=Organization/org-review-center");
        Assert.Contains(search.Entry, entry => entry.Resource?.Id == taskId);
        var patients = await ReadOkAsync<Bundle>(reviewer, "/fhir/Patient?identifier=devauth-not-referred-1");
        Assert.DoesNotContain(patients.Entry, entry => entry.Resource is Patient);
    }

    private static async Task<T> ReadOkAsync<T>(HttpClient client, string url) where T : Resource
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<T>();
    }
}
