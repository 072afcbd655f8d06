using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace FhirOncology.Api.Security.DevServer;

/// <summary>
/// The authorization endpoint (RFC 6749 §4.1.1, SMART app-launch.html#obtain-authorization-code) of a development
/// server: there is no sign-in page. <c>login_hint</c> names one of the configured users and consent is automatic.
/// Until the client and its exact redirect URI are known, errors are answered directly; after that they go back to
/// the app on its redirect URI (§4.1.2.1), as a code does.
/// </summary>
internal sealed partial class DevAuthorizeService(
    DevClientRegistry clients, AuthorizationCodeStore codes, IOptions<AuthOptions> options, ILogger<DevAuthorizeService> logger)
{
    /// <summary>The URL to redirect the browser to, or an error to show without redirecting.</summary>
    public OAuthOutcome<string> Authorize(IQueryCollection query)
    {
        if (query.FirstOrDefault(parameter => parameter.Value.Count > 1) is { Key: { } repeated })
        {
            return OAuthError.InvalidRequest($"The parameter '{repeated}' is repeated.");
        }

        var client = clients.FindClient(Value(query, "client_id"));
        if (client is null || !client.IsUserApp)
        {
            return OAuthError.InvalidRequest("client_id must name a registered app with redirect URIs.");
        }

        // Exact string comparison (RFC 6749 §3.1.2.3, OAuth security BCP RFC 9700 §4.1.3): no prefix or pattern match.
        var redirectUri = Value(query, "redirect_uri");
        if (redirectUri is null || !client.Settings.RedirectUris.Contains(redirectUri, StringComparer.Ordinal))
        {
            return OAuthError.InvalidRequest("redirect_uri must be one of the client's registered redirect URIs, exactly.");
        }

        var state = Value(query, "state");
        if (Check(query, client, state) is { } error)
        {
            LogRefused(client.ClientId, error.Error);
            return Redirect(redirectUri, ("error", error.Error), ("error_description", error.Description), ("state", state));
        }

        var user = clients.FindUser(Value(query, "login_hint"))!;
        var scopes = ScopeGrant.ForUser(Value(query, "scope")!, client.Settings.AllowedScopes);
        var code = codes.Issue(new AuthorizationGrant(client.ClientId, redirectUri, user, scopes, Value(query, "code_challenge")!, codes.NewExpiry()));
        LogAuthorized(client.ClientId);
        return Redirect(redirectUri, ("code", code), ("state", state));
    }

    /// <summary>The request's other parameters; null when it may proceed.</summary>
    private OAuthError? Check(IQueryCollection query, RegisteredClient client, string? state)
    {
        var audience = options.Value.Audience?.TrimEnd('/');
        if (Value(query, "response_type") != "code")
        {
            return OAuthError.UnsupportedResponseType("response_type must be code.");
        }

        if (state is null)
        {
            return OAuthError.InvalidRequest("state is required (app-launch.html).");
        }

        // app-launch.html: aud names the FHIR server the app wants a token for; refuse anything else.
        if (Value(query, "aud")?.TrimEnd('/') is not { } aud || aud != audience)
        {
            return OAuthError.InvalidRequest($"aud must be the FHIR server's base URL, {audience}.");
        }

        if (Value(query, "code_challenge_method") != Pkce.S256 || !Pkce.IsValidChallenge(Value(query, "code_challenge")))
        {
            return OAuthError.InvalidRequest("PKCE is required: code_challenge_method=S256 and a 43-character code_challenge (plain is not accepted).");
        }

        if (clients.FindUser(Value(query, "login_hint")) is null)
        {
            return OAuthError.AccessDenied($"This development server has no sign-in page: login_hint must name a configured user ({string.Join(", ", clients.UserNames)}).");
        }

        if (Value(query, "scope") is not { } requested || ScopeGrant.ForUser(requested, client.Settings.AllowedScopes).Count == 0)
        {
            return OAuthError.InvalidScope($"No requested user/ or patient/ scope may be granted to {client.ClientId}; it may ask for {string.Join(' ', client.Settings.AllowedScopes)}.");
        }

        return null;
    }

    private static string Redirect(string redirectUri, params (string Name, string? Value)[] parameters) =>
        QueryHelpers.AddQueryString(redirectUri, parameters.Where(p => p.Value is not null).Select(p => new KeyValuePair<string, string?>(p.Name, p.Value)));

    private static string? Value(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && !StringValues.IsNullOrEmpty(values) ? values.ToString() : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Development authorization server issued an authorization code to client {ClientId}")]
    private partial void LogAuthorized(string clientId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Development authorization server refused an authorization request of client {ClientId}: {Error}")]
    private partial void LogRefused(string clientId, string error);
}
