using Microsoft.IdentityModel.Tokens;

namespace FhirOncology.Api.Security.DevServer;

/// <summary>A client of the development server with the public keys of its JWKS file.</summary>
internal sealed record RegisteredClient(DevClient Settings, IReadOnlyList<JsonWebKey> Keys)
{
    public string ClientId => Settings.ClientId;

    /// <summary>Authenticates with private_key_jwt (SMART client-confidential-asymmetric): it registered a JWKS.</summary>
    public bool IsConfidential => Keys.Count > 0;

    /// <summary>A user-facing app: it registered redirect URIs for the authorization code flow.</summary>
    public bool IsUserApp => Settings.RedirectUris.Length > 0;

    public JsonWebKey? FindKey(string? kid) =>
        string.IsNullOrEmpty(kid) ? null : Keys.FirstOrDefault(key => string.Equals(key.Kid, kid, StringComparison.Ordinal));
}
