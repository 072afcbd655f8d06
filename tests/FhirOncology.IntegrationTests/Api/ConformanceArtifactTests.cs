using System.Net;
using FhirOncology.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;

namespace FhirOncology.IntegrationTests.Api;

/// <summary>Our profiles, value sets, code systems, search parameters and operations are served at their canonical URLs (issue #6).</summary>
public sealed class ConformanceArtifactTests(FhirServerFactory factory) : IClassFixture<FhirServerFactory>
{
    private const string Canonical = "https://fhironcology.org/fhir";

    [Theory]
    [InlineData("StructureDefinition", "referral-task")]
    [InlineData("StructureDefinition", "second-opinion-document")]
    [InlineData("ValueSet", "review-outcome")]
    [InlineData("CodeSystem", "referral-business-status")]
    [InlineData("SearchParameter", "Task-due-date")]
    [InlineData("OperationDefinition", "reindex")]
    public async Task Artifact_IsServedAtItsCanonicalPath(string type, string id)
    {
        // A token that maps to no organisation may still read conformance resources (issue #5).
        var client = factory.CreateClient(TestIssuer.Shared.CreateToken("no-organisation", "openid"));

        var response = await client.GetAsync($"/fhir/{type}/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var resource = await response.ReadAsync<Resource>();
        Assert.Equal($"{Canonical}/{type}/{id}", ((IVersionableConformanceResource)resource).Url);
    }

    [Fact]
    public async Task Search_ByUrl_FindsTheArtifact_AndUnknownParametersAreRefused()
    {
        var client = factory.CreateClient();

        var found = await (await client.GetAsync($"/fhir/ValueSet?url={Canonical}/ValueSet/review-type")).ReadAsync<Bundle>();
        var refused = await client.GetAsync("/fhir/ValueSet?status=active");

        Assert.Equal("review-type", Assert.Single(found.Entry).Resource.Id);
        await refused.AssertOutcomeAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync("/fhir/StructureDefinition/unknown")).AssertOutcomeAsync(HttpStatusCode.NotFound);
        await (await factory.CreateAnonymousClient().GetAsync("/fhir/StructureDefinition/referral-task")).AssertOutcomeAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task CapabilityStatement_ListsOurProfilesAndArtifacts()
    {
        var statement = await (await factory.CreateClient().GetAsync("/fhir/metadata")).ReadAsync<CapabilityStatement>();
        var rest = statement.Rest[0];

        Assert.Contains($"{Canonical}/StructureDefinition/referral-task", rest.Resource.Single(r => r.Type == "Task").SupportedProfile);
        Assert.Contains($"{Canonical}/StructureDefinition/second-opinion-document", rest.Resource.Single(r => r.Type == "Bundle").SupportedProfile);
        Assert.Contains(rest.Resource, r => r.Type == "ValueSet" && r.Documentation.Contains($"{Canonical}/ValueSet/review-outcome", StringComparison.Ordinal));
    }
}
