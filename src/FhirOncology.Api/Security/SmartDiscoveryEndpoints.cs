using FhirOncology.Api.Endpoints;

namespace FhirOncology.Api.Security;

public static class SmartDiscoveryEndpoints
{
    private static readonly string[] AuthMethods = ["private_key_jwt"];
    private static readonly string[] SigningAlgorithms = ["RS384", "ES384"];
    private static readonly string[] ResponseTypes = ["code"];
    private static readonly string[] CodeChallengeMethods = ["S256"];

    private static readonly string[] Scopes =
    [
        "system/*.cruds", "system/*.rs", "system/*.read", "system/*.write", "user/*.cruds", "user/*.rs", "user/*.read",
        "patient/*.rs", "patient/*.read", "system/AuditEvent.rs", "user/AuditEvent.rs", "fhirUser", "launch/patient",
    ];

    /// <summary>
    /// SMART App Launch 2.x conformance.html: <c>[base]/.well-known/smart-configuration</c>, public, JSON. Lists the
    /// authorization server's endpoints and what this server supports: Backend Services with asymmetric client
    /// authentication, and scopes v1 and v2 (including query-constrained v2 scopes).
    /// </summary>
    public static IEndpointRouteBuilder MapSmartDiscovery(this IEndpointRouteBuilder app)
    {
        app.MapGet(FhirBase.Path + "/.well-known/smart-configuration", GetAsync).AllowAnonymous();
        return app;
    }

    internal static async Task<IResult> GetAsync(SmartEndpoints endpoints, CancellationToken ct)
    {
        if (await endpoints.GetAsync(ct) is not { } metadata)
        {
            return Results.Json(new { error = "temporarily_unavailable", error_description = "The authorization server's metadata cannot be read now." },
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var capabilities = new List<string> { "client-confidential-asymmetric", "permission-v1", "permission-v2", "permission-user", "permission-patient" };
        if (metadata.AuthorizationEndpoint is not null)
        {
            capabilities.Add("launch-standalone");
        }

        return Results.Json(new Dictionary<string, object?>
        {
            ["issuer"] = metadata.Issuer,
            ["jwks_uri"] = metadata.JwksUri,
            ["authorization_endpoint"] = metadata.AuthorizationEndpoint,
            ["token_endpoint"] = metadata.TokenEndpoint,
            ["grant_types_supported"] = metadata.GrantTypes,
            ["token_endpoint_auth_methods_supported"] = AuthMethods,
            ["token_endpoint_auth_signing_alg_values_supported"] = SigningAlgorithms,
            ["scopes_supported"] = Scopes,
            ["response_types_supported"] = ResponseTypes,
            ["capabilities"] = capabilities,
            ["code_challenge_methods_supported"] = CodeChallengeMethods,
        });
    }
}
