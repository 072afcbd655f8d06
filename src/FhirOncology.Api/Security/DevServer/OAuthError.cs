namespace FhirOncology.Api.Security.DevServer;

/// <summary>
/// An OAuth 2.0 error (RFC 6749 §5.2 for the token endpoint, §4.1.2.1 for the authorization endpoint): the error
/// code, a human-readable description, and the HTTP status the token endpoint answers with — 401 for a client that
/// failed to authenticate, 400 for everything else.
/// </summary>
internal sealed record OAuthError(string Error, string Description, int Status = StatusCodes.Status400BadRequest)
{
    public static OAuthError InvalidRequest(string description) => new("invalid_request", description);

    public static OAuthError InvalidClient(string description) => new("invalid_client", description, StatusCodes.Status401Unauthorized);

    public static OAuthError InvalidGrant(string description) => new("invalid_grant", description);

    public static OAuthError UnauthorizedClient(string description) => new("unauthorized_client", description);

    public static OAuthError UnsupportedGrantType(string description) => new("unsupported_grant_type", description);

    public static OAuthError InvalidScope(string description) => new("invalid_scope", description);

    public static OAuthError AccessDenied(string description) => new("access_denied", description);

    public static OAuthError UnsupportedResponseType(string description) => new("unsupported_response_type", description);

    /// <summary>The JSON body of RFC 6749 §5.2, with the caching headers of §5.1.</summary>
    public IResult ToResult() => new NoStoreJsonResult(new Dictionary<string, string> { ["error"] = Error, ["error_description"] = Description }, Status);
}
