using System.Net;
using System.Text.Json;
using FhirOncology.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FhirOncology.IntegrationTests.Security;

/// <summary>
/// The development server's user flow: authorization code with PKCE S256 (RFC 6749 §4.1, RFC 7636, SMART
/// app-launch.html), with <c>login_hint</c> standing in for a sign-in page. Redirects are not followed, so the tests
/// see what the app would receive.
/// </summary>
public sealed class DevServerAuthorizeTests(DevServerFactory factory) : IClassFixture<DevServerFactory>
{
    private readonly HttpClient _http = NoRedirects(factory);

    [Fact]
    public async Task AuthorizationCode_WithPkce_IssuesUserTokenWithFhirUser()
    {
        var (verifier, challenge) = DevServerTokens.NewPkce();

        var redirect = DevServerTokens.RedirectParameters(await _http.GetAsync(DevServerTokens.AuthorizeUrl(challenge, "state-1")));
        Assert.Equal("state-1", redirect["state"]);
        var response = await _http.PostAsync("/auth/token", DevServerTokens.CodeExchange(redirect["code"]!, verifier));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        // openid and fhirUser are accepted but not granted: no id_token is issued.
        Assert.Equal("user/*.cruds user/AuditEvent.rs", body.GetProperty("scope").GetString());
        var token = DevServerTokens.Read(body.GetProperty("access_token").GetString()!);
        Assert.Equal(DevServerTokens.Issuer, token.Issuer);
        Assert.Equal(DevServerTokens.Audience, Assert.Single(token.Audiences));
        Assert.Equal("reviewer", token.Subject);
        Assert.Equal(DevServerTokens.UserApp, token.GetClaim("client_id").Value);
        Assert.Equal("PractitionerRole/demo-reviewer", token.GetClaim("fhirUser").Value);
    }

    [Fact]
    public async Task AuthorizationCode_WrongVerifier_Returns400InvalidGrant()
    {
        var (_, challenge) = DevServerTokens.NewPkce();
        var (otherVerifier, _) = DevServerTokens.NewPkce();
        var redirect = DevServerTokens.RedirectParameters(await _http.GetAsync(DevServerTokens.AuthorizeUrl(challenge, "s")));

        var response = await _http.PostAsync("/auth/token", DevServerTokens.CodeExchange(redirect["code"]!, otherVerifier));

        Assert.Contains("code_verifier", await DevServerBackendTokenTests.AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_grant"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthorizationCode_ReusedCode_Returns400InvalidGrant()
    {
        var (verifier, challenge) = DevServerTokens.NewPkce();
        var redirect = DevServerTokens.RedirectParameters(await _http.GetAsync(DevServerTokens.AuthorizeUrl(challenge, "s")));
        Assert.Equal(HttpStatusCode.OK, (await _http.PostAsync("/auth/token", DevServerTokens.CodeExchange(redirect["code"]!, verifier))).StatusCode);

        var again = await _http.PostAsync("/auth/token", DevServerTokens.CodeExchange(redirect["code"]!, verifier));

        Assert.Contains("already used", await DevServerBackendTokenTests.AssertErrorAsync(again, HttpStatusCode.BadRequest, "invalid_grant"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthorizationCode_FailedAttempt_StillUsesUpTheCode()
    {
        var (verifier, challenge) = DevServerTokens.NewPkce();
        var (otherVerifier, _) = DevServerTokens.NewPkce();
        var redirect = DevServerTokens.RedirectParameters(await _http.GetAsync(DevServerTokens.AuthorizeUrl(challenge, "s")));
        await _http.PostAsync("/auth/token", DevServerTokens.CodeExchange(redirect["code"]!, otherVerifier));

        var withTheRightVerifier = await _http.PostAsync("/auth/token", DevServerTokens.CodeExchange(redirect["code"]!, verifier));

        Assert.Contains("already used", await DevServerBackendTokenTests.AssertErrorAsync(withTheRightVerifier, HttpStatusCode.BadRequest, "invalid_grant"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthorizationCode_RedirectUriOtherThanAuthorized_Returns400InvalidGrant()
    {
        var (verifier, challenge) = DevServerTokens.NewPkce();
        var redirect = DevServerTokens.RedirectParameters(await _http.GetAsync(DevServerTokens.AuthorizeUrl(challenge, "s")));

        var response = await _http.PostAsync("/auth/token", DevServerTokens.CodeExchange(redirect["code"]!, verifier, "http://localhost:8080/elsewhere"));

        Assert.Contains("redirect_uri", await DevServerBackendTokenTests.AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_grant"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://evil.example/callback")]
    [InlineData("http://localhost:8080/auth/dev-callback/")]      // exact match only: no trailing slash
    [InlineData("http://localhost:8080/auth/dev-callback?x=1")]   // nor extra query
    public async Task Authorize_UnregisteredRedirectUri_Returns400WithoutRedirecting(string redirectUri)
    {
        var (_, challenge) = DevServerTokens.NewPkce();

        var response = await _http.GetAsync(DevServerTokens.AuthorizeUrl(challenge, "s", ("redirect_uri", redirectUri)));

        // RFC 6749 §4.1.2.1: never redirect to an unverified URI.
        Assert.Null(response.Headers.Location);
        await DevServerBackendTokenTests.AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task Authorize_UnknownClient_Returns400WithoutRedirecting()
    {
        var (_, challenge) = DevServerTokens.NewPkce();

        var response = await _http.GetAsync(DevServerTokens.AuthorizeUrl(challenge, "s", ("client_id", "ehr-north")));

        Assert.Null(response.Headers.Location);
        await DevServerBackendTokenTests.AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request");
    }

    [Theory]
    [InlineData("login_hint", "mallory", "access_denied")]
    [InlineData("login_hint", null, "access_denied")]
    [InlineData("aud", "http://other.example/fhir", "invalid_request")]
    [InlineData("code_challenge_method", "plain", "invalid_request")]
    [InlineData("code_challenge_method", null, "invalid_request")]
    [InlineData("code_challenge", null, "invalid_request")]
    [InlineData("response_type", "token", "unsupported_response_type")]
    [InlineData("scope", "openid fhirUser", "invalid_scope")]
    [InlineData("scope", "system/*.cruds", "invalid_scope")]
    public async Task Authorize_InvalidRequest_RedirectsWithErrorAndState(string parameter, string? value, string error)
    {
        var (_, challenge) = DevServerTokens.NewPkce();

        var response = await _http.GetAsync(DevServerTokens.AuthorizeUrl(challenge, "state-9", (parameter, value)));

        var redirect = DevServerTokens.RedirectParameters(response);
        Assert.Equal(error, redirect["error"]);
        Assert.Equal("state-9", redirect["state"]);
        Assert.False(redirect.ContainsKey("code"));
    }

    [Fact]
    public async Task DevCallback_ShowsTheCodeAsJson()
    {
        var (_, challenge) = DevServerTokens.NewPkce();
        var followed = factory.CreateAnonymousClient(); // follows the redirect to /auth/dev-callback

        var response = await followed.GetAsync(DevServerTokens.AuthorizeUrl(challenge, "state-7"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(43, body.GetProperty("code").GetString()!.Length);
        Assert.Equal("state-7", body.GetProperty("state").GetString());
    }

    private static HttpClient NoRedirects(DevServerFactory factory)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }
}
