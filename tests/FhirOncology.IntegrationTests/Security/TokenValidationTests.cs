using System.Net;
using System.Text;
using System.Text.Json;
using FhirOncology.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FhirOncology.IntegrationTests.Security;

/// <summary>
/// Access tokens are checked by JwtBearer against the WireMock issuer's metadata and JWKS (issue #5). Each
/// rejected token gets 401 with <c>WWW-Authenticate: Bearer</c> (RFC 6750 §3) and an OperationOutcome; a valid
/// token without the needed scope gets 403 with <c>error="insufficient_scope"</c> (RFC 6750 §3.1).
/// </summary>
public sealed class TokenValidationTests(FhirServerFactory factory) : IClassFixture<FhirServerFactory>
{
    private static TestIssuer Issuer => TestIssuer.Shared;

    public static TheoryData<string> RejectedTokens() =>
    [
        "expired", "not-yet-valid", "wrong-issuer", "wrong-audience", "unknown-kid", "tampered-payload", "alg-none",
        "hmac-with-public-key", "no-expiry", "garbage",
    ];

    [Theory]
    [MemberData(nameof(RejectedTokens))]
    public async Task Request_WithBadToken_Is401WithChallenge(string kind)
    {
        var client = factory.CreateClient(BadToken(kind));

        var response = await client.GetAsync("/fhir/Patient");

        await response.AssertOutcomeAsync(HttpStatusCode.Unauthorized, OperationOutcome.IssueType.Login);
        Assert.Contains(response.Headers.WwwAuthenticate, header => header.Scheme == "Bearer");
    }

    [Fact]
    public async Task Request_WithoutToken_Is401()
    {
        var response = await factory.CreateAnonymousClient().GetAsync("/fhir/Patient/123");

        await response.AssertOutcomeAsync(HttpStatusCode.Unauthorized, OperationOutcome.IssueType.Login);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task Request_WithValidTokenButNoScopeForTheType_Is403InsufficientScope()
    {
        var client = factory.CreateClient(Issuer.CreateToken(FhirServerFactory.DefaultClientId, "system/Observation.rs openid"));

        var response = await client.GetAsync("/fhir/Patient");

        await response.AssertOutcomeAsync(HttpStatusCode.Forbidden, OperationOutcome.IssueType.Forbidden);
        Assert.Contains("insufficient_scope", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_WithValidToken_Succeeds()
    {
        var response = await factory.CreateClient().GetAsync("/fhir/Patient");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Token_ForUnknownClient_MayOnlyReadConformance()
    {
        var client = factory.CreateClient(Issuer.CreateToken("unregistered-client", "system/*.cruds"));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/fhir/metadata")).StatusCode);
        await (await client.GetAsync("/fhir/Patient")).AssertOutcomeAsync(HttpStatusCode.Forbidden, OperationOutcome.IssueType.Forbidden);
        await (await client.PostAsync("/fhir/Patient", FhirHttp.Json(FhirHttp.NewPatient("no-org"))))
            .AssertOutcomeAsync(HttpStatusCode.Forbidden, OperationOutcome.IssueType.Forbidden);
    }

    [Fact]
    public async Task Metadata_AndSmartConfiguration_ArePublic()
    {
        var client = factory.CreateAnonymousClient();

        var metadata = await client.GetAsync("/fhir/metadata");
        var smart = await client.GetAsync("/fhir/.well-known/smart-configuration");

        Assert.Equal(HttpStatusCode.OK, metadata.StatusCode);
        var statement = await metadata.ReadAsync<CapabilityStatement>();
        Assert.Equal("SMART-on-FHIR", statement.Rest[0].Security.Service[0].Coding[0].Code);
        Assert.Equal(HttpStatusCode.OK, smart.StatusCode);
        using var document = JsonDocument.Parse(await smart.Content.ReadAsStringAsync());
        var root = document.RootElement;
        // SMART App Launch 2.x conformance.html: the required and recommended fields.
        Assert.Equal(TestIssuer.IssuerName, root.GetProperty("issuer").GetString());
        Assert.Equal(TestIssuer.TokenEndpoint, root.GetProperty("token_endpoint").GetString());
        Assert.Equal(TestIssuer.AuthorizeEndpoint, root.GetProperty("authorization_endpoint").GetString());
        Assert.EndsWith("/jwks", root.GetProperty("jwks_uri").GetString(), StringComparison.Ordinal);
        Assert.Contains("client_credentials", root.GetProperty("grant_types_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("permission-v2", root.GetProperty("capabilities").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("client-confidential-asymmetric", root.GetProperty("capabilities").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["S256"], root.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("private_key_jwt", root.GetProperty("token_endpoint_auth_methods_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.NotEmpty(root.GetProperty("scopes_supported").EnumerateArray());
        Assert.Contains("code", root.GetProperty("response_types_supported").EnumerateArray().Select(e => e.GetString()));
    }

    private static string BadToken(string kind)
    {
        var now = DateTime.UtcNow;
        return kind switch
        {
            "expired" => Issuer.CreateToken(FhirServerFactory.DefaultClientId, FhirServerFactory.DefaultScopes, configure: d =>
            {
                d.IssuedAt = now.AddHours(-2);
                d.NotBefore = now.AddHours(-2);
                d.Expires = now.AddMinutes(-5); // beyond the 30 s clock skew
            }),
            "not-yet-valid" => Issuer.CreateToken(FhirServerFactory.DefaultClientId, FhirServerFactory.DefaultScopes, configure: d =>
            {
                d.NotBefore = now.AddMinutes(10);
                d.Expires = now.AddHours(1);
            }),
            "wrong-issuer" => Issuer.CreateToken(FhirServerFactory.DefaultClientId, FhirServerFactory.DefaultScopes, configure: d => d.Issuer = "https://evil.example"),
            "wrong-audience" => Issuer.CreateToken(FhirServerFactory.DefaultClientId, FhirServerFactory.DefaultScopes, configure: d => d.Audience = "https://another-server.example/fhir"),
            "unknown-kid" => Issuer.CreateToken(FhirServerFactory.DefaultClientId, FhirServerFactory.DefaultScopes, configure: d =>
                d.SigningCredentials = new SigningCredentials(Issuer.UnknownKey, SecurityAlgorithms.RsaSha256)),
            "tampered-payload" => Tamper(Issuer.CreateToken("someone-else", "openid")),
            "alg-none" => Unsigned(),
            "hmac-with-public-key" => HmacWithPublicKey(),
            "no-expiry" => Issuer.CreateToken(FhirServerFactory.DefaultClientId, FhirServerFactory.DefaultScopes, configure: d => d.Expires = null),
            _ => "not-a-jwt",
        };
    }

    /// <summary>Swaps the payload of a validly signed token for one with more rights; the signature no longer matches.</summary>
    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, object>>(Base64UrlEncoder.Decode(parts[1]))!;
        payload["client_id"] = FhirServerFactory.DefaultClientId;
        payload["scope"] = FhirServerFactory.DefaultScopes;
        return parts[0] + "." + Base64UrlEncoder.Encode(JsonSerializer.Serialize(payload)) + "." + parts[2];
    }

    private static string Claims()
    {
        var now = DateTimeOffset.UtcNow;
        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["iss"] = TestIssuer.IssuerName, ["aud"] = TestIssuer.Audience, ["client_id"] = FhirServerFactory.DefaultClientId,
            ["scope"] = FhirServerFactory.DefaultScopes, ["iat"] = now.ToUnixTimeSeconds(), ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
        });
    }

    // RFC 8725 §2.1: "none" must never be accepted.
    private static string Unsigned() =>
        Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + Base64UrlEncoder.Encode(Claims()) + ".";

    // RFC 8725 §2.1: the classic confusion attack — HS256 keyed with the issuer's published RSA public key.
    private static string HmacWithPublicKey()
    {
        var publicKey = Issuer.SigningKey.Rsa.ExportSubjectPublicKeyInfo();
        var handler = new JsonWebTokenHandler();
        return handler.CreateToken(Claims(), new SigningCredentials(new SymmetricSecurityKey(publicKey) { KeyId = Issuer.SigningKey.KeyId }, SecurityAlgorithms.HmacSha256));
    }
}
