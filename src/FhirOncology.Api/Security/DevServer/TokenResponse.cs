using System.Text.Json.Serialization;

namespace FhirOncology.Api.Security.DevServer;

/// <summary>RFC 6749 §5.1 and SMART backend-services.html#response: the successful token response.</summary>
internal sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("scope")] string Scope);
