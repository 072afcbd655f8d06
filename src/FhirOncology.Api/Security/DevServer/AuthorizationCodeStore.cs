using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace FhirOncology.Api.Security.DevServer;

/// <summary>
/// Authorization codes in memory (RFC 6749 §4.1.2): random, short-lived (60 s; the RFC recommends at most 10 minutes)
/// and single-use — redeeming removes the code whatever the outcome, so a second attempt always fails.
/// </summary>
internal sealed class AuthorizationCodeStore(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<string, AuthorizationGrant> _codes = new(StringComparer.Ordinal);

    public DateTimeOffset NewExpiry() => clock.GetUtcNow() + Lifetime;

    public string Issue(AuthorizationGrant grant)
    {
        var now = clock.GetUtcNow();
        foreach (var (code, pending) in _codes)
        {
            if (pending.Expires <= now)
            {
                _codes.TryRemove(code, out _);
            }
        }

        var newCode = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        _codes[newCode] = grant;
        return newCode;
    }

    /// <summary>The grant of an unexpired code, which can never be redeemed again; null for an unknown, used or expired one.</summary>
    public AuthorizationGrant? Redeem(string code) =>
        _codes.TryRemove(code, out var grant) && grant.Expires > clock.GetUtcNow() ? grant : null;
}
