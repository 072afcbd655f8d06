using Microsoft.Extensions.Primitives;

namespace FhirOncology.Api.Security.DevServer;

/// <summary>
/// The token endpoint's logic (RFC 6749 §3.2): <c>client_credentials</c> for SMART Backend Services clients that
/// authenticate with a client assertion, and <c>authorization_code</c> with PKCE for user-facing apps.
/// </summary>
internal sealed partial class DevTokenService(
    DevClientRegistry clients, ClientAssertionValidator assertions, AuthorizationCodeStore codes, AccessTokenIssuer issuer,
    ILogger<DevTokenService> logger)
{
    public async Task<OAuthOutcome<TokenResponse>> ExchangeAsync(IFormCollection form)
    {
        // RFC 6749 §3.2: parameters must not be repeated.
        if (form.FirstOrDefault(parameter => parameter.Value.Count > 1) is { Key: { } repeated })
        {
            return Refused(null, OAuthError.InvalidRequest($"The parameter '{repeated}' is repeated."));
        }

        var grantType = Value(form, "grant_type");
        var outcome = grantType switch
        {
            "client_credentials" => await ClientCredentialsAsync(form),
            "authorization_code" => await AuthorizationCodeAsync(form),
            null => OAuthError.InvalidRequest("grant_type is required."),
            _ => OAuthError.UnsupportedGrantType("This server supports the grant types client_credentials and authorization_code."),
        };
        return outcome.Error is { } error ? Refused(Value(form, "client_id"), error) : outcome;
    }

    /// <summary>backend-services.html#obtaining-an-access-token: authenticate, then grant the allowed part of the scope.</summary>
    private async Task<OAuthOutcome<TokenResponse>> ClientCredentialsAsync(IFormCollection form)
    {
        var authenticated = await assertions.AuthenticateAsync(Value(form, "client_assertion_type"), Value(form, "client_assertion"), Value(form, "client_id"));
        if (authenticated.Value is not { } client)
        {
            return authenticated.Error!;
        }

        if (Value(form, "scope") is not { } requested)
        {
            return OAuthError.InvalidRequest("scope is required (backend-services.html), e.g. system/*.rs.");
        }

        var scopes = ScopeGrant.ForSystem(requested, client.Settings.AllowedScopes);
        if (scopes.Count == 0)
        {
            return OAuthError.InvalidScope($"None of the requested scopes may be granted to {client.ClientId}; it may ask for {string.Join(' ', client.Settings.AllowedScopes)}.");
        }

        LogIssued(client.ClientId, "client_credentials");
        return issuer.Issue(client.ClientId, client.ClientId, scopes, fhirUser: null);
    }

    /// <summary>RFC 6749 §4.1.3 and RFC 7636 §4.5: the code, issued to this client for this redirect_uri, and its verifier.</summary>
    private async Task<OAuthOutcome<TokenResponse>> AuthorizationCodeAsync(IFormCollection form)
    {
        if (Value(form, "code") is not { } code || Value(form, "redirect_uri") is not { } redirectUri)
        {
            return OAuthError.InvalidRequest("code and redirect_uri are required.");
        }

        // Redeemed first, whatever follows: a code is good for one attempt only.
        var grant = codes.Redeem(code);
        var authenticated = await AuthenticateCodeClientAsync(form);
        if (authenticated.Value is not { } client)
        {
            return authenticated.Error!;
        }

        if (grant is null || grant.ClientId != client.ClientId)
        {
            return OAuthError.InvalidGrant("The code is unknown, expired, already used, or was issued to another client.");
        }

        if (grant.RedirectUri != redirectUri)
        {
            return OAuthError.InvalidGrant("redirect_uri differs from the authorization request's.");
        }

        if (Value(form, "code_verifier") is not { } verifier || !Pkce.IsValidVerifier(verifier) || !Pkce.Matches(verifier, grant.CodeChallenge))
        {
            return OAuthError.InvalidGrant("code_verifier does not match the code_challenge (RFC 7636 §4.6).");
        }

        LogIssued(client.ClientId, "authorization_code");
        return issuer.Issue(client.ClientId, grant.User.UserName, grant.Scopes, grant.User.FhirUser);
    }

    /// <summary>
    /// RFC 6749 §4.1.3: a confidential client authenticates (its assertion names it); a public client names itself
    /// with client_id, and PKCE binds the code to the app that asked for it.
    /// </summary>
    private async Task<OAuthOutcome<RegisteredClient>> AuthenticateCodeClientAsync(IFormCollection form)
    {
        var clientId = Value(form, "client_id");
        if (Value(form, "client_assertion") is not null || Value(form, "client_assertion_type") is not null)
        {
            return await assertions.AuthenticateAsync(Value(form, "client_assertion_type"), Value(form, "client_assertion"), clientId);
        }

        return clients.FindClient(clientId) switch
        {
            null => OAuthError.InvalidClient("client_id is required and must name a registered client."),
            { IsConfidential: true } => OAuthError.InvalidClient("This client must authenticate with a client assertion (private_key_jwt)."),
            var client => client,
        };
    }

    private OAuthError Refused(string? clientId, OAuthError error)
    {
        LogRefused(clientId ?? "(none)", error.Error);
        return error;
    }

    private static string? Value(IFormCollection form, string name) =>
        form.TryGetValue(name, out var values) && !StringValues.IsNullOrEmpty(values) ? values.ToString() : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Development authorization server issued an access token to client {ClientId} ({GrantType})")]
    private partial void LogIssued(string clientId, string grantType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Development authorization server refused a token request of client {ClientId}: {Error}")]
    private partial void LogRefused(string clientId, string error);
}
