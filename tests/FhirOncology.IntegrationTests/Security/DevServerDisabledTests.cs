using System.Net;
using FhirOncology.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;

namespace FhirOncology.IntegrationTests.Security;

/// <summary>Switched off, the development server is gone entirely: no endpoints and no demo data.</summary>
public sealed class DevServerDisabledTests(NoDevServerFactory factory) : IClassFixture<NoDevServerFactory>
{
    [Theory]
    [InlineData("/auth/.well-known/openid-configuration")]
    [InlineData("/auth/jwks")]
    [InlineData("/auth/authorize?response_type=code&client_id=reviewer-app")]
    [InlineData("/auth/dev-callback?code=x")]
    public async Task DevServerEndpoints_WhenDisabled_Return404(string url)
    {
        var response = await factory.CreateAnonymousClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TokenEndpoint_WhenDisabled_Returns404()
    {
        var response = await factory.CreateAnonymousClient().PostAsync("/auth/token",
            DevServerTokens.ClientCredentials(DevServerTokens.Assertion("ehr-north"), "system/*.cruds"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task DemoDirectory_WhenDisabled_IsNotSeeded()
    {
        // The default test client (org-test, TestIssuer) may read the shared directory types.
        var response = await factory.CreateClient().GetAsync("/fhir/PractitionerRole/demo-reviewer");

        await response.AssertOutcomeAsync(HttpStatusCode.NotFound, OperationOutcome.IssueType.NotFound);
    }
}
