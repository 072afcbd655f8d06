using System.Collections.Concurrent;

namespace FhirOncology.Api.Security.DevServer;

/// <summary>
/// SMART backend-services.html: the server rejects a client assertion whose <c>jti</c> it has already seen from that
/// client while the assertion could still be valid. Entries are kept until the assertion's own expiry (plus the
/// clock skew it is accepted with), which backend services limits to five minutes, so the cache stays small.
/// </summary>
internal sealed class AssertionReplayCache(TimeProvider clock)
{
    private readonly ConcurrentDictionary<(string ClientId, string Jti), DateTimeOffset> _seen = new();

    /// <summary>False when the jti was used before by this client and has not yet expired.</summary>
    public bool TryUse(string clientId, string jti, DateTimeOffset keepUntil)
    {
        var now = clock.GetUtcNow();
        foreach (var (key, expires) in _seen)
        {
            if (expires < now)
            {
                _seen.TryRemove(key, out _);
            }
        }

        return _seen.TryAdd((clientId, jti), keepUntil);
    }
}
