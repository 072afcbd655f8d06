using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FhirOncology.IntegrationTests.Infrastructure;

/// <summary>
/// Talks to the embedded development authorization server as its clients do: client assertions signed with the
/// committed demo keys (src/FhirOncology.Api/Security/DevServer/DemoClients), token requests, and the
/// authorization code flow with PKCE for the demo user. Defaults are those of appsettings.Development.json.
/// </summary>
public static class DevServerTokens
{
    public const string Issuer = "http://localhost:8080/auth";
    public const string TokenEndpoint = Issuer + "/token";
    public const string Audience = "http://localhost:8080/fhir";
    public const string UserApp = "reviewer-app";
    public const string UserAppRedirect = Issuer + "/dev-callback";
    public const string AssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private static readonly ConcurrentDictionary<string, SecurityKey> DemoKeys = new(StringComparer.Ordinal);

    /// <summary>The demo client's private key, named by the kid its JWKS registers (RSA for most, EC P-384 for ehr-south).</summary>
    public static SecurityKey DemoKey(string clientId) => DemoKeys.GetOrAdd(clientId, id =>
    {
        var pem = File.ReadAllText(Path.Combine(DemoClientsDirectory(), id + ".private.pem"));
        if (DemoAlgorithm(id) == SecurityAlgorithms.EcdsaSha384)
        {
            var ec = ECDsa.Create();
            ec.ImportFromPem(pem);
            return new ECDsaSecurityKey(ec) { KeyId = id + "-demo-1" };
        }

        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return new RsaSecurityKey(rsa) { KeyId = id + "-demo-1" };
    });

    public static string DemoAlgorithm(string clientId) => clientId == "ehr-south" ? SecurityAlgorithms.EcdsaSha384 : SecurityAlgorithms.RsaSha384;

    /// <summary>
    /// A valid client assertion (backend-services.html#authenticating-to-the-token-endpoint) of the demo client;
    /// <paramref name="configure"/> may change any part of it for the attack tests.
    /// </summary>
    public static string Assertion(string clientId, Action<SecurityTokenDescriptor>? configure = null)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = clientId,
            Audience = TokenEndpoint,
            IssuedAt = now,
            Expires = now.AddMinutes(4),
            Claims = new Dictionary<string, object> { ["sub"] = clientId, ["jti"] = Guid.NewGuid().ToString("N") },
            SigningCredentials = new SigningCredentials(DemoKey(clientId), DemoAlgorithm(clientId)),
        };
        configure?.Invoke(descriptor);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public static FormUrlEncodedContent ClientCredentials(string assertion, string scope) => new(new Dictionary<string, string>
    {
        ["grant_type"] = "client_credentials",
        ["scope"] = scope,
        ["client_assertion_type"] = AssertionType,
        ["client_assertion"] = assertion,
    });

    /// <summary>An access token of a demo backend client; fails the test if the server refuses.</summary>
    public static async Task<string> BackendTokenAsync(HttpClient http, string clientId, string scope = "system/*.cruds")
    {
        var response = await http.PostAsync("/auth/token", ClientCredentials(Assertion(clientId), scope));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>A PKCE pair (RFC 7636 §4.1, §4.2): a random 43-character verifier and its S256 challenge.</summary>
    public static (string Verifier, string Challenge) NewPkce()
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64UrlEncoder.Encode(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier))));
    }

    /// <summary>The authorization request of the demo user app; <paramref name="changes"/> override or (with null) drop parameters.</summary>
    public static string AuthorizeUrl(string challenge, string state, params (string Name, string? Value)[] changes)
    {
        var parameters = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["response_type"] = "code",
            ["client_id"] = UserApp,
            ["redirect_uri"] = UserAppRedirect,
            ["scope"] = "openid fhirUser user/*.cruds user/AuditEvent.rs",
            ["state"] = state,
            ["aud"] = Audience,
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
            ["login_hint"] = "reviewer",
        };
        foreach (var (name, value) in changes)
        {
            parameters[name] = value;
        }

        return QueryHelpers.AddQueryString("/auth/authorize", parameters.Where(p => p.Value is not null));
    }

    public static FormUrlEncodedContent CodeExchange(string code, string verifier, string redirectUri = UserAppRedirect) => new(new Dictionary<string, string>
    {
        ["grant_type"] = "authorization_code",
        ["code"] = code,
        ["code_verifier"] = verifier,
        ["client_id"] = UserApp,
        ["redirect_uri"] = redirectUri,
    });

    /// <summary>The query parameters of a redirect's Location.</summary>
    public static Dictionary<string, Microsoft.Extensions.Primitives.StringValues> RedirectParameters(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith(UserAppRedirect + "?", location, StringComparison.Ordinal);
        return QueryHelpers.ParseQuery(new Uri(location).Query);
    }

    /// <summary>The demo user's access token through the authorization code flow; <paramref name="noRedirects"/> must not follow redirects.</summary>
    public static async Task<string> UserTokenAsync(HttpClient noRedirects)
    {
        var (verifier, challenge) = NewPkce();
        var redirect = RedirectParameters(await noRedirects.GetAsync(AuthorizeUrl(challenge, "s1")));
        var response = await noRedirects.PostAsync("/auth/token", CodeExchange(redirect["code"]!, verifier));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>The claims of a JWT, read without validation (what the tests assert about issued tokens).</summary>
    public static JsonWebToken Read(string token) => new JsonWebTokenHandler().ReadJsonWebToken(token);

    /// <summary>The committed demo keys, in the source tree (the private keys are never copied to any output).</summary>
    public static string DemoClientsDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "src", "FhirOncology.Api", "Security", "DevServer", "DemoClients");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("src/FhirOncology.Api/Security/DevServer/DemoClients not found above " + AppContext.BaseDirectory);
    }
}
