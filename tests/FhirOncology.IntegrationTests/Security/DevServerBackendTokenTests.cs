using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FhirOncology.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;
using Microsoft.IdentityModel.Tokens;

namespace FhirOncology.IntegrationTests.Security;

/// <summary>
/// SMART Backend Services against the development authorization server (backend-services.html): client_credentials
/// with private_key_jwt assertions signed by the committed demo keys, and the attacks on the assertion it must refuse
/// with RFC 6749 §5.2 errors.
/// </summary>
public sealed class DevServerBackendTokenTests(DevServerFactory factory) : IClassFixture<DevServerFactory>
{
    private readonly HttpClient _http = factory.CreateAnonymousClient();

    [Theory]
    [InlineData("ehr-north")]     // RS384
    [InlineData("ehr-south")]     // ES384
    [InlineData("review-center")] // RS384
    public async Task ClientCredentials_ValidAssertion_IssuesTokenThatTheFhirApiAccepts(string clientId)
    {
        var response = await _http.PostAsync("/auth/token", DevServerTokens.ClientCredentials(DevServerTokens.Assertion(clientId), "system/*.cruds"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "RFC 6749 §5.1: Cache-Control: no-store");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal("system/*.cruds", body.GetProperty("scope").GetString());
        var expiresIn = body.GetProperty("expires_in").GetInt32();
        Assert.Equal(3600, expiresIn); // Auth:DevServer:TokenLifetimeSeconds in appsettings.Development.json

        var token = DevServerTokens.Read(body.GetProperty("access_token").GetString()!);
        Assert.Equal(DevServerTokens.Issuer, token.Issuer);
        Assert.Equal(DevServerTokens.Audience, Assert.Single(token.Audiences));
        Assert.Equal(clientId, token.Subject);
        Assert.Equal(clientId, token.GetClaim("client_id").Value);
        Assert.Equal("system/*.cruds", token.GetClaim("scope").Value);
        Assert.Equal(TimeSpan.FromSeconds(expiresIn), token.ValidTo - token.IssuedAt);
        Assert.False(token.TryGetClaim("fhirUser", out _));

        var search = await factory.CreateClient(body.GetProperty("access_token").GetString()!).GetAsync("/fhir/Patient");
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.Equal(Bundle.BundleType.Searchset, (await search.ReadAsync<Bundle>()).Type);
    }

    [Fact]
    public async Task ClientCredentials_DemoClients_ActForTheirOwnOrganisations()
    {
        var north = factory.CreateClient(await DevServerTokens.BackendTokenAsync(_http, "ehr-north"));
        var south = factory.CreateClient(await DevServerTokens.BackendTokenAsync(_http, "ehr-south"));
        var patient = await north.CreatePatientAsync("devauth-north-1");

        Assert.Equal(HttpStatusCode.OK, (await north.GetAsync($"/fhir/Patient/{patient.Id}")).StatusCode);
        await (await south.GetAsync($"/fhir/Patient/{patient.Id}")).AssertOutcomeAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ClientCredentials_PartlyAllowedScopes_GrantsTheAllowedPartOnly()
    {
        var response = await _http.PostAsync("/auth/token",
            DevServerTokens.ClientCredentials(DevServerTokens.Assertion("ehr-north"), "system/Patient.rs system/AuditEvent.rs user/*.cruds launch"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("system/Patient.rs", body.GetProperty("scope").GetString()); // RFC 6749 §3.3: the response says what was granted
        var client = factory.CreateClient(body.GetProperty("access_token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/fhir/Patient")).StatusCode);
        await (await client.GetAsync("/fhir/Observation")).AssertOutcomeAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("system/AuditEvent.rs")] // * in system/*.cruds never stands for the audit trail
    [InlineData("user/*.cruds")]         // a system client gets system/ scopes only
    [InlineData("openid fhirUser")]
    public async Task ClientCredentials_ScopeNotAllowed_Returns400InvalidScope(string scope)
    {
        var response = await _http.PostAsync("/auth/token", DevServerTokens.ClientCredentials(DevServerTokens.Assertion("ehr-north"), scope));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_scope");
    }

    [Fact]
    public async Task ClientCredentials_ReplayedJti_Returns401()
    {
        var assertion = DevServerTokens.Assertion("ehr-north");
        Assert.Equal(HttpStatusCode.OK, (await _http.PostAsync("/auth/token", DevServerTokens.ClientCredentials(assertion, "system/*.rs"))).StatusCode);

        var replay = await _http.PostAsync("/auth/token", DevServerTokens.ClientCredentials(assertion, "system/*.rs"));

        Assert.Contains("jti has been used before", await AssertErrorAsync(replay, HttpStatusCode.Unauthorized, "invalid_client"), StringComparison.Ordinal);
    }

    /// <summary>Each attack, and a word the error description must contain, so each is refused by the check meant for it.</summary>
    public static TheoryData<string, string> Attacks() => new()
    {
        { "bad-signature", "signature" },
        { "unknown-client", "not a client" },
        { "wrong-aud", "aud must be the token endpoint" },
        { "expired", "expired" },
        { "exp-too-far-ahead", "five minutes" },
        { "no-exp", "needs an exp" },
        { "alg-none", "alg 'none'" },
        { "hmac-with-public-key", "alg 'HS384'" },
        { "rs256", "alg 'RS256'" },
        { "unknown-kid", "kid" },
        { "no-kid", "kid" },
        { "another-clients-key", "kid" },
        { "sub-not-iss", "sub" },
        { "no-jti", "jti" },
        { "not-json", "not a JWT" },
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task ClientCredentials_BadAssertion_Returns401InvalidClient(string attack, string reason)
    {
        var response = await _http.PostAsync("/auth/token", DevServerTokens.ClientCredentials(BadAssertion(attack), "system/*.cruds"));

        var description = await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
        Assert.Contains(reason, description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientCredentials_NoAssertion_Returns401InvalidClient()
    {
        var response = await _http.PostAsync("/auth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["scope"] = "system/*.cruds",
            ["client_id"] = "ehr-north",
        }));

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
    }

    [Fact]
    public async Task ClientCredentials_ClientIdOtherThanIss_Returns401InvalidClient()
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["scope"] = "system/*.cruds",
            ["client_id"] = "ehr-south",
            ["client_assertion_type"] = DevServerTokens.AssertionType,
            ["client_assertion"] = DevServerTokens.Assertion("ehr-north"),
        };

        await AssertErrorAsync(await _http.PostAsync("/auth/token", new FormUrlEncodedContent(form)), HttpStatusCode.Unauthorized, "invalid_client");
    }

    [Fact]
    public async Task Token_UnsupportedGrantType_Returns400()
    {
        var response = await _http.PostAsync("/auth/token", new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "password" }));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "unsupported_grant_type");
    }

    [Fact]
    public async Task Token_JsonBody_Returns400InvalidRequest()
    {
        var response = await _http.PostAsync("/auth/token", new StringContent("{\"grant_type\":\"client_credentials\"}", Encoding.UTF8, "application/json"));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request");
    }

    [Theory]
    [InlineData("eyJhbGciOiJSUzM4NCJ9.bm90IGpzb24.c2ln")] // a JWT's shape, but its payload is not JSON
    [InlineData("not-a-jwt")]
    public async Task FhirApi_MalformedBearerToken_Returns401(string token)
    {
        var response = await factory.CreateClient(token).GetAsync("/fhir/Patient");

        await response.AssertOutcomeAsync(HttpStatusCode.Unauthorized, OperationOutcome.IssueType.Login);
    }

    /// <summary>RFC 6749 §5.2: the status, a JSON body with the error code and a description, and no caching (§5.1).</summary>
    internal static async Task<string> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string error)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {status}, got {response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal(error, body.GetProperty("error").GetString());
        var description = body.GetProperty("error_description").GetString();
        Assert.False(string.IsNullOrWhiteSpace(description));
        Assert.DoesNotContain("access_token", text, StringComparison.Ordinal);
        return description;
    }

    private static string BadAssertion(string attack)
    {
        switch (attack)
        {
            case "bad-signature":
                using (var rsa = RSA.Create(2048))
                {
                    // A key of the attacker's, claiming the registered kid.
                    return DevServerTokens.Assertion("ehr-north", d => d.SigningCredentials =
                        new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = "ehr-north-demo-1" }, SecurityAlgorithms.RsaSha384));
                }

            case "unknown-client":
                return DevServerTokens.Assertion("ehr-north", d =>
                {
                    d.Issuer = "ehr-unknown";
                    d.Claims["sub"] = "ehr-unknown";
                });
            case "wrong-aud":
                return DevServerTokens.Assertion("ehr-north", d => d.Audience = DevServerTokens.Audience);
            case "expired":
                return DevServerTokens.Assertion("ehr-north", d =>
                {
                    d.IssuedAt = DateTime.UtcNow.AddMinutes(-10);
                    d.Expires = DateTime.UtcNow.AddMinutes(-5);
                });
            case "exp-too-far-ahead":
                return DevServerTokens.Assertion("ehr-north", d => d.Expires = DateTime.UtcNow.AddMinutes(10));
            case "no-exp":
                return DevServerTokens.Assertion("ehr-north", d => d.Expires = null);
            case "alg-none":
                return Unsigned("ehr-north");
            case "hmac-with-public-key":
                // RFC 8725 §2.1: the public JWKS used as an HMAC secret, hoping the server verifies HS384 with it.
                var jwks = File.ReadAllBytes(Path.Combine(DevServerTokens.DemoClientsDirectory(), "ehr-north.jwks.json"));
                return DevServerTokens.Assertion("ehr-north", d => d.SigningCredentials =
                    new SigningCredentials(new SymmetricSecurityKey(jwks) { KeyId = "ehr-north-demo-1" }, SecurityAlgorithms.HmacSha384));
            case "unknown-kid":
                return DevServerTokens.Assertion("ehr-north", d => d.SigningCredentials = WithKid("ehr-north", "ehr-north-demo-9"));
            case "no-kid":
                return DevServerTokens.Assertion("ehr-north", d => d.SigningCredentials = WithKid("ehr-north", null));
            case "sub-not-iss":
                return DevServerTokens.Assertion("ehr-north", d => d.Claims["sub"] = "ehr-south");
            case "no-jti":
                return DevServerTokens.Assertion("ehr-north", d => d.Claims.Remove("jti"));
            case "rs256":
                return DevServerTokens.Assertion("ehr-north", d => d.SigningCredentials =
                    new SigningCredentials(DevServerTokens.DemoKey("ehr-north"), SecurityAlgorithms.RsaSha256));
            case "not-json":
                return Base64UrlEncoder.Encode("{\"alg\":\"RS384\"}") + "." + Base64UrlEncoder.Encode("not json") + ".c2ln";
            case "another-clients-key":
                // Signed by review-center's key under review-center's kid, but claiming to be ehr-north.
                return DevServerTokens.Assertion("review-center", d =>
                {
                    d.Issuer = "ehr-north";
                    d.Claims["sub"] = "ehr-north";
                });
            default:
                throw new ArgumentOutOfRangeException(nameof(attack), attack, null);
        }
    }

    /// <summary>The demo key under another (or no) kid, as a new key object so the shared one is left alone.</summary>
    private static SigningCredentials WithKid(string clientId, string? kid)
    {
        var rsa = (RsaSecurityKey)DevServerTokens.DemoKey(clientId);
        return new SigningCredentials(new RsaSecurityKey(rsa.Rsa) { KeyId = kid }, SecurityAlgorithms.RsaSha384);
    }

    /// <summary>RFC 7519 §6: an unsecured JWT, <c>alg: none</c> and an empty signature.</summary>
    private static string Unsigned(string clientId)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"ehr-north-demo-1\"}");
        var payload = Base64UrlEncoder.Encode(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["iss"] = clientId,
            ["sub"] = clientId,
            ["aud"] = DevServerTokens.TokenEndpoint,
            ["exp"] = now + 240,
            ["jti"] = Guid.NewGuid().ToString("N"),
        }));
        return $"{header}.{payload}.";
    }
}
