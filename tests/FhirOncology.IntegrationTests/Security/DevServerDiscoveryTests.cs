using System.Net;
using System.Text.Json;
using FhirOncology.Api.Security.DevServer;
using FhirOncology.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FhirOncology.IntegrationTests.Security;

/// <summary>
/// What the development server publishes (RFC 8414 metadata, its JWKS) and what it sets up at start-up (the demo
/// directory, idempotently).
/// </summary>
public sealed class DevServerDiscoveryTests(DevServerFactory factory) : IClassFixture<DevServerFactory>
{
    private readonly HttpClient _http = factory.CreateAnonymousClient();

    [Fact]
    public async Task OpenIdConfiguration_NamesTheEndpointsUnderTheIssuer()
    {
        var response = await _http.GetAsync("/auth/.well-known/openid-configuration");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var metadata = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(DevServerTokens.Issuer, metadata.GetProperty("issuer").GetString());
        Assert.Equal(DevServerTokens.TokenEndpoint, metadata.GetProperty("token_endpoint").GetString());
        Assert.Equal(DevServerTokens.Issuer + "/authorize", metadata.GetProperty("authorization_endpoint").GetString());
        Assert.Equal(DevServerTokens.Issuer + "/jwks", metadata.GetProperty("jwks_uri").GetString());
        Assert.Equal(["RS384", "ES384"], metadata.GetProperty("token_endpoint_auth_signing_alg_values_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["S256"], metadata.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));

        // The FHIR server's SMART configuration points at the same endpoints.
        var smart = JsonDocument.Parse(await _http.GetStringAsync("/fhir/.well-known/smart-configuration")).RootElement;
        Assert.Equal(DevServerTokens.TokenEndpoint, smart.GetProperty("token_endpoint").GetString());
        Assert.Equal(DevServerTokens.Issuer + "/jwks", smart.GetProperty("jwks_uri").GetString());
    }

    [Fact]
    public async Task Jwks_VerifiesTheTokensTheServerIssues()
    {
        var jwks = new JsonWebKeySet(await _http.GetStringAsync("/auth/jwks"));
        var key = Assert.Single(jwks.Keys);
        Assert.False(key.HasPrivateKey);
        var token = await DevServerTokens.BackendTokenAsync(_http, "review-center", "system/*.rs");

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = DevServerTokens.Issuer,
            ValidAudience = DevServerTokens.Audience,
            IssuerSigningKeys = jwks.GetSigningKeys(),
        });

        Assert.True(result.IsValid, result.Exception?.Message);
    }

    [Fact]
    public async Task DirectorySeeding_RunAgain_LeavesTheDirectoryAsItWas()
    {
        var seeder = factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<DevDirectorySeeder>().Single();

        await seeder.StartAsync(TestContext.Current.CancellationToken);

        var client = factory.CreateClient(await DevServerTokens.BackendTokenAsync(_http, "review-center", "system/*.rs"));
        foreach (var url in new[] { "/fhir/Organization/org-review-center", "/fhir/Practitioner/demo-reviewer-practitioner", "/fhir/PractitionerRole/demo-reviewer" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("W/\"1\"", response.ETag());
            Assert.Contains((await response.ReadAsync<Resource>()).Meta.Tag, tag => tag.Code == "dev-server-demo");
        }
    }
}
