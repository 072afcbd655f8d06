namespace FhirOncology.Api.Security.DevServer;

/// <summary>What an authorization code stands for until it is redeemed (RFC 6749 §4.1.2, RFC 7636 §4.4).</summary>
internal sealed record AuthorizationGrant(
    string ClientId, string RedirectUri, DevUser User, IReadOnlyList<string> Scopes, string CodeChallenge, DateTimeOffset Expires);
