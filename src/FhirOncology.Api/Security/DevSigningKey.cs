using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace FhirOncology.Api.Security;

/// <summary>
/// The development authorization server's signing key: RSA 2048, made at start-up and never stored, so tokens do
/// not outlive the process. Its public half is published at the server's JWKS endpoint.
/// </summary>
internal sealed class DevSigningKey : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    public DevSigningKey()
    {
        Key = new RsaSecurityKey(_rsa) { KeyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)) };
        Credentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha384);
    }

    public RsaSecurityKey Key { get; }

    public SigningCredentials Credentials { get; }

    /// <summary>The public key as a JWK (RFC 7517), for the JWKS endpoint.</summary>
    public JsonWebKey PublicJwk()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        return new JsonWebKey
        {
            Kty = "RSA",
            Use = "sig",
            Alg = SecurityAlgorithms.RsaSha384,
            Kid = Key.KeyId,
            N = Base64UrlEncoder.Encode(parameters.Modulus),
            E = Base64UrlEncoder.Encode(parameters.Exponent),
        };
    }

    public void Dispose() => _rsa.Dispose();
}
