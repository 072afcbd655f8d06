using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FhirOncology.Api.Security.DevServer;

/// <summary>
/// Authenticates a confidential client by its <c>private_key_jwt</c> assertion (RFC 7523 §2.2, §3; SMART
/// backend-services.html#authenticating-to-the-token-endpoint): a JWT signed with a key of the client's registered
/// JWKS, named by <c>kid</c>, with <c>iss</c> = <c>sub</c> = client_id, <c>aud</c> = the token endpoint, an <c>exp</c>
/// at most five minutes ahead and a <c>jti</c> never seen before. Any failure is <c>invalid_client</c> (401).
/// </summary>
internal sealed class ClientAssertionValidator(
    DevClientRegistry clients, AssertionReplayCache replay, IOptions<AuthOptions> options, TimeProvider clock)
{
    public const string AssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /// <summary>backend-services.html: servers SHALL support RS384 and ES384. Never none or HMAC (RFC 8725 §3.1).</summary>
    public static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha384, SecurityAlgorithms.EcdsaSha384];

    private static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(5);
    private readonly JsonWebTokenHandler _handler = new();

    public async Task<OAuthOutcome<RegisteredClient>> AuthenticateAsync(string? assertionType, string? assertion, string? clientId)
    {
        if (assertionType is null || assertion is null)
        {
            return OAuthError.InvalidClient($"Client authentication is required: client_assertion_type={AssertionType} and a signed client_assertion (private_key_jwt).");
        }

        if (assertionType != AssertionType)
        {
            return OAuthError.InvalidClient($"client_assertion_type must be {AssertionType}.");
        }

        if (Read(assertion) is not { } jwt)
        {
            return OAuthError.InvalidClient("client_assertion is not a JWT in compact serialization.");
        }

        var client = clients.FindClient(jwt.Issuer);
        if (client is null || !client.IsConfidential)
        {
            return OAuthError.InvalidClient("The assertion's iss is not a client registered for private_key_jwt.");
        }

        if (clientId is not null && clientId != client.ClientId)
        {
            return OAuthError.InvalidClient("client_id does not match the assertion's iss.");
        }

        if (!Algorithms.Contains(jwt.Alg, StringComparer.Ordinal))
        {
            return OAuthError.InvalidClient($"The assertion's alg '{jwt.Alg}' is not accepted; sign it with RS384 or ES384.");
        }

        if (client.FindKey(jwt.Kid) is not { } key)
        {
            return OAuthError.InvalidClient("The assertion's kid names no key of the client's registered JWKS.");
        }

        if (!string.IsNullOrEmpty(key.Alg) && key.Alg != jwt.Alg)
        {
            return OAuthError.InvalidClient($"Key '{key.Kid}' is registered for {key.Alg}, not {jwt.Alg}.");
        }

        return await ValidateAsync(assertion, client, key);
    }

    private async Task<OAuthOutcome<RegisteredClient>> ValidateAsync(string assertion, RegisteredClient client, JsonWebKey key)
    {
        var tokenEndpoint = DevServerUrls.TokenEndpoint(options.Value.DevServer);
        var skew = TimeSpan.FromSeconds(options.Value.ClockSkewSeconds);
        var result = await _handler.ValidateTokenAsync(assertion, new TokenValidationParameters
        {
            ValidIssuer = client.ClientId,
            ValidAudience = tokenEndpoint,
            IssuerSigningKey = key,
            TryAllIssuerSigningKeys = false,
            ValidAlgorithms = Algorithms,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = skew,
        });
        if (!result.IsValid)
        {
            return OAuthError.InvalidClient(Describe(result.Exception, tokenEndpoint));
        }

        var jwt = (JsonWebToken)result.SecurityToken;
        var expires = new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero);
        if (jwt.Subject != client.ClientId)
        {
            return OAuthError.InvalidClient("The assertion's sub must equal its iss, the client_id.");
        }

        if (expires > clock.GetUtcNow() + MaxLifetime + skew)
        {
            return OAuthError.InvalidClient("The assertion's exp must be no more than five minutes in the future.");
        }

        if (string.IsNullOrEmpty(jwt.Id))
        {
            return OAuthError.InvalidClient("The assertion needs a jti.");
        }

        // Only after the signature verified, so nobody can spend another client's jti values.
        if (!replay.TryUse(client.ClientId, jwt.Id, expires + skew))
        {
            return OAuthError.InvalidClient("This assertion's jti has been used before; make a new assertion for every token request.");
        }

        return client;
    }

    /// <summary>The token's header and claims, unverified; null for anything that does not parse (no 500 for garbage).</summary>
    private JsonWebToken? Read(string assertion)
    {
        try
        {
            return _handler.CanReadToken(assertion) ? _handler.ReadJsonWebToken(assertion) : null;
        }
        catch (ArgumentException)
        {
            return null; // SecurityTokenMalformedException and friends
        }
    }

    private static string Describe(Exception? exception, string tokenEndpoint) => exception switch
    {
        SecurityTokenExpiredException => "The assertion has expired (exp).",
        SecurityTokenNotYetValidException => "The assertion is not valid yet (nbf).",
        SecurityTokenNoExpirationException => "The assertion needs an exp.",
        SecurityTokenInvalidAudienceException => $"The assertion's aud must be the token endpoint, {tokenEndpoint}.",
        SecurityTokenInvalidAlgorithmException => "The assertion's alg is not accepted; sign it with RS384 or ES384.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException =>
            "The assertion's signature does not verify with the client's registered key.",
        _ => "The assertion is not valid.",
    };
}
