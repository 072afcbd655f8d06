namespace FhirOncology.Api.Security;

/// <summary>
/// Section <c>Auth</c>: the OpenID Connect issuer whose access tokens the server accepts, and how a token maps to
/// the organisation it acts for (issue #5). Checked at start-up by <see cref="AuthOptionsValidator"/>.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The issuer (e.g. a Keycloak realm or Entra tenant URL); its metadata and JWKS are discovered from it.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience access tokens must be issued for: this server (SMART uses the FHIR base URL).</summary>
    public string? Audience { get; set; }

    /// <summary>Fetch metadata over HTTPS only; may be false in Development alone.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Tolerated clock difference when checking exp and nbf.</summary>
    public int ClockSkewSeconds { get; set; } = 30;

    /// <summary>Claims that carry the client id, first present wins (RFC 9068 client_id, OIDC azp, Entra appid).</summary>
    public string[] ClientIdClaims { get; set; } = ["client_id", "azp", "appid"];

    /// <summary>System clients: registered client id → the id of the Organization it acts for.</summary>
    public Dictionary<string, string> ClientOrganizations { get; set; } = new(StringComparer.Ordinal);

    /// <summary>System clients that may administer the server ($reindex, $verify-audit-chain); none by default.</summary>
    public string[] AdministratorClients { get; set; } = [];

    /// <summary>The embedded development authorization server.</summary>
    public DevServerOptions DevServer { get; set; } = new();
}
