namespace FhirOncology.Api.Security.DevServer;

/// <summary>Either a value or the OAuth error that stopped the request (RFC 6749 §5.2).</summary>
internal sealed record OAuthOutcome<T>(T? Value, OAuthError? Error)
    where T : class
{
    public static implicit operator OAuthOutcome<T>(T value) => new(value, null);

    public static implicit operator OAuthOutcome<T>(OAuthError error) => new(null, error);
}
