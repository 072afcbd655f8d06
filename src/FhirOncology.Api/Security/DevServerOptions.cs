namespace FhirOncology.Api.Security;

/// <summary>
/// Section <c>Auth:DevServer</c>: an authorization server inside this process for local work and tests. On in
/// Development unless switched off; elsewhere only when <see cref="Enabled"/> is set explicitly.
/// </summary>
public sealed class DevServerOptions
{
    public bool? Enabled { get; set; }

    /// <summary>The issuer (iss) of its tokens; by default <c>http://localhost:8080/auth</c>, matching the one-command start.</summary>
    public string Issuer { get; set; } = "http://localhost:8080/auth";

    /// <summary>Lifetime of the access tokens it issues.</summary>
    public int TokenLifetimeSeconds { get; set; } = 300;

    /// <summary>Registered clients: SMART Backend Services (private_key_jwt) and user-facing apps.</summary>
    public List<DevClient> Clients { get; set; } = [];

    /// <summary>Users who can sign in (no password: a development server only).</summary>
    public List<DevUser> Users { get; set; } = [];
}

/// <summary>A client of the development server. Backend clients authenticate with a JWT signed by a key in <see cref="JwksPath"/>.</summary>
public sealed class DevClient
{
    public string ClientId { get; set; } = "";

    /// <summary>The Organization a system client acts for.</summary>
    public string? OrganizationId { get; set; }

    /// <summary>A JSON Web Key Set file holding the client's public key(s), relative to the content root.</summary>
    public string? JwksPath { get; set; }

    /// <summary>Scopes the client may be granted; a request for others is refused (invalid_scope).</summary>
    public string[] AllowedScopes { get; set; } = [];

    /// <summary>Redirect URIs of a user-facing app (authorization code with PKCE).</summary>
    public string[] RedirectUris { get; set; } = [];
}

/// <summary>A user of the development server, identified to the FHIR server by its fhirUser.</summary>
public sealed class DevUser
{
    public string UserName { get; set; } = "";

    /// <summary>e.g. <c>PractitionerRole/demo-reviewer</c>; the organisation comes from that resource.</summary>
    public string FhirUser { get; set; } = "";
}
