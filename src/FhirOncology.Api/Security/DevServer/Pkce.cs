using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace FhirOncology.Api.Security.DevServer;

/// <summary>Proof Key for Code Exchange (RFC 7636), S256 only, as SMART App Launch 2.x requires.</summary>
internal static class Pkce
{
    public const string S256 = "S256";

    /// <summary>RFC 7636 §4.1: 43 to 128 characters of [A-Z a-z 0-9 - . _ ~].</summary>
    public static bool IsValidVerifier(string? verifier) =>
        verifier is { Length: >= 43 and <= 128 } && verifier.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~');

    /// <summary>RFC 7636 §4.2: an S256 challenge is BASE64URL(SHA-256(verifier)), 43 characters.</summary>
    public static bool IsValidChallenge(string? challenge) =>
        challenge is { Length: 43 } && challenge.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>RFC 7636 §4.6, compared in constant time.</summary>
    public static bool Matches(string verifier, string challenge)
    {
        var computed = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(computed), Encoding.ASCII.GetBytes(challenge));
    }
}
