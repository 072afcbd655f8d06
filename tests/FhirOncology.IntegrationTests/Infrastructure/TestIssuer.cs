using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace FhirOncology.IntegrationTests.Infrastructure;

/// <summary>
/// An OpenID Connect issuer outside the process, played by WireMock.Net: it serves discovery metadata and a JWKS
/// with the test signing key, so the server's JwtBearer validates real signed tokens exactly as it would against
/// Keycloak or Entra ID. One instance serves the whole test run.
/// </summary>
public sealed class TestIssuer : IDisposable
{
    public const string IssuerName = "https://issuer.fhironcology.test";
    public const string Audience = "http://localhost/fhir";
    public const string TokenEndpoint = IssuerName + "/token";
    public const string AuthorizeEndpoint = IssuerName + "/authorize";

    private static readonly string[] GrantTypes = ["client_credentials", "authorization_code"];
    private static readonly Lazy<TestIssuer> Instance = new(() => new TestIssuer());

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RSA _otherRsa = RSA.Create(2048);

    private TestIssuer()
    {
        SigningKey = new RsaSecurityKey(_rsa) { KeyId = "test-key-1" };
        UnknownKey = new RsaSecurityKey(_otherRsa) { KeyId = "not-published" };
        Server = WireMockServer.Start();
        var metadata = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["issuer"] = IssuerName,
            ["jwks_uri"] = Server.Url + "/jwks",
            ["token_endpoint"] = TokenEndpoint,
            ["authorization_endpoint"] = AuthorizeEndpoint,
            ["grant_types_supported"] = GrantTypes,
        });
        Server.Given(Request.Create().WithPath("/.well-known/openid-configuration").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(metadata));
        var parameters = _rsa.ExportParameters(false);
        var jwks = JsonSerializer.Serialize(new
        {
            keys = new[]
            {
                new { kty = "RSA", use = "sig", alg = "RS256", kid = SigningKey.KeyId, n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) },
            },
        });
        Server.Given(Request.Create().WithPath("/jwks").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(jwks));
    }

    public static TestIssuer Shared => Instance.Value;

    public WireMockServer Server { get; }

    /// <summary>What the server is configured with as Auth:Authority (metadata and JWKS are fetched from here).</summary>
    public string Authority => Server.Url!;

    public RsaSecurityKey SigningKey { get; }

    /// <summary>A key the issuer never published.</summary>
    public RsaSecurityKey UnknownKey { get; }

    /// <summary>A signed access token; <paramref name="configure"/> may change any part of it (for the attack tests).</summary>
    public string CreateToken(string clientId, string scopes, string? fhirUser = null, string? patient = null,
        Action<SecurityTokenDescriptor>? configure = null)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object> { ["client_id"] = clientId, ["scope"] = scopes, ["sub"] = fhirUser ?? clientId };
        if (fhirUser is not null)
        {
            claims["fhirUser"] = fhirUser;
        }

        if (patient is not null)
        {
            claims["patient"] = patient;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = IssuerName,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now.AddSeconds(-5),
            Expires = now.AddHours(1),
            Claims = claims,
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256),
        };
        configure?.Invoke(descriptor);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public void Dispose()
    {
        Server.Stop();
        _rsa.Dispose();
        _otherRsa.Dispose();
    }
}
