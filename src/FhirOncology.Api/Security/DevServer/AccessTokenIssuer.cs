using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FhirOncology.Api.Security.DevServer;

/// <summary>
/// Signs the access tokens the development server hands out: JWTs (RFC 9068) with iss = the dev server issuer,
/// aud = Auth:Audience, sub, client_id, scope (space-separated, SMART), a jti, and for users the fhirUser claim the
/// FHIR server maps to an organisation. The DevServer JwtBearer scheme validates exactly these.
/// </summary>
internal sealed class AccessTokenIssuer(DevSigningKey key, IOptions<AuthOptions> options, TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public TokenResponse Issue(string clientId, string subject, IReadOnlyList<string> scopes, string? fhirUser)
    {
        var auth = options.Value;
        var lifetime = auth.DevServer.TokenLifetimeSeconds;
        var now = clock.GetUtcNow().UtcDateTime;
        var scope = string.Join(' ', scopes);
        var claims = new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Sub] = subject,
            ["client_id"] = clientId,
            ["scope"] = scope,
            [JwtRegisteredClaimNames.Jti] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16)),
        };
        if (fhirUser is not null)
        {
            claims["fhirUser"] = fhirUser;
        }

        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = auth.DevServer.Issuer, // exactly as configured: the DevServer scheme and the scheme selector compare it verbatim
            Audience = auth.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddSeconds(lifetime),
            Claims = claims,
            TokenType = "at+jwt", // RFC 9068 §2.1
            SigningCredentials = key.Credentials,
        });
        return new TokenResponse(token, "Bearer", lifetime, scope);
    }
}
