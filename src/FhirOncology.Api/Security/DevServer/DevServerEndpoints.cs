using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace FhirOncology.Api.Security.DevServer;

/// <summary>
/// The embedded development authorization server (issue #5), under the issuer's path (<c>/auth</c>): discovery,
/// JWKS, authorization and token endpoints, and a page that shows an authorization code. Mapped only when
/// enabled: in Development by default, elsewhere only by an explicit <c>Auth:DevServer:Enabled=true</c>.
/// </summary>
public static class DevServerEndpoints
{
    private static readonly string[] GrantTypes = ["client_credentials", "authorization_code"];
    private static readonly string[] ResponseTypes = ["code"];
    private static readonly string[] AuthMethods = ["private_key_jwt", "none"];
    private static readonly string[] CodeChallengeMethods = [Pkce.S256];
    private static readonly string[] FormMediaTypes = ["application/x-www-form-urlencoded"];

    public static bool IsDevAuthorizationServerEnabled(this IEndpointRouteBuilder app) =>
        AuthOptionsValidator.DevServerEnabled(
            app.ServiceProvider.GetRequiredService<IOptions<AuthOptions>>().Value, app.ServiceProvider.GetRequiredService<IHostEnvironment>());

    public static IEndpointRouteBuilder MapDevAuthorizationServer(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<AuthOptions>>().Value.DevServer;
        var basePath = DevServerUrls.BasePath(options);
        var server = app.MapGroup(basePath.Length == 0 ? "/" : basePath).AllowAnonymous();
        server.MapGet("/.well-known/openid-configuration", Discovery);
        server.MapGet("/jwks", Jwks);
        server.MapGet("/authorize", Authorize);
        server.MapPost("/token", TokenAsync);
        server.MapGet("/dev-callback", DevCallback);
        return app;
    }

    /// <summary>RFC 8414 §2 metadata, at the OpenID Connect discovery path JwtBearer and SMART clients look at.</summary>
    internal static IResult Discovery(IOptions<AuthOptions> auth, DevClientRegistry clients)
    {
        var options = auth.Value.DevServer;
        var root = DevServerUrls.Root(options);
        return Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = options.Issuer,
            ["jwks_uri"] = root + "/jwks",
            ["authorization_endpoint"] = root + "/authorize",
            ["token_endpoint"] = DevServerUrls.TokenEndpoint(options),
            ["grant_types_supported"] = GrantTypes,
            ["response_types_supported"] = ResponseTypes,
            ["token_endpoint_auth_methods_supported"] = AuthMethods,
            ["token_endpoint_auth_signing_alg_values_supported"] = ClientAssertionValidator.Algorithms,
            ["code_challenge_methods_supported"] = CodeChallengeMethods,
            ["scopes_supported"] = clients.AllScopes.ToArray(),
        });
    }

    /// <summary>RFC 7517 §5: the public half of the signing key (made at start-up, so it changes on every restart).</summary>
    internal static IResult Jwks(DevSigningKey key)
    {
        var jwk = key.PublicJwk();
        return Results.Json(new { keys = new[] { new { kty = jwk.Kty, use = jwk.Use, alg = jwk.Alg, kid = jwk.Kid, n = jwk.N, e = jwk.E } } });
    }

    internal static IResult Authorize(HttpRequest request, DevAuthorizeService authorization) =>
        authorization.Authorize(request.Query) switch
        {
            { Value: { } redirect } => Results.Redirect(redirect),
            var refused => refused.Error!.ToResult(),
        };

    /// <summary>RFC 6749 §3.2: POST with application/x-www-form-urlencoded parameters.</summary>
    internal static async Task<IResult> TokenAsync(HttpRequest request, DevTokenService tokens, CancellationToken ct)
    {
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !FormMediaTypes.Contains(contentType.MediaType.Value, StringComparer.OrdinalIgnoreCase))
        {
            return OAuthError.InvalidRequest("The token request must be application/x-www-form-urlencoded.").ToResult();
        }

        var outcome = await tokens.ExchangeAsync(await request.ReadFormAsync(ct));
        return outcome.Value is { } token ? new NoStoreJsonResult(token) : outcome.Error!.ToResult();
    }

    /// <summary>
    /// Development only: a redirect target for apps without a web page of their own (curl, dev-token.sh) that shows
    /// what the authorization endpoint sent back.
    /// </summary>
    internal static IResult DevCallback(
        string? code, string? state, string? error, [FromQuery(Name = "error_description")] string? errorDescription) =>
        code is not null
            ? new NoStoreJsonResult(new { code, state })
            : new NoStoreJsonResult(new { error = error ?? "invalid_request", error_description = errorDescription, state }, StatusCodes.Status400BadRequest);
}
