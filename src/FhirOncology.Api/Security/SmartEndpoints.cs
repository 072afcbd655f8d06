using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace FhirOncology.Api.Security;

/// <summary>Where clients get tokens: the authorization server's endpoints as SMART discovery reports them.</summary>
public sealed record SmartMetadata(string Issuer, string? JwksUri, string? AuthorizationEndpoint, string TokenEndpoint, IReadOnlyList<string> GrantTypes);

/// <summary>
/// The authorization server behind this FHIR server: the configured issuer's OpenID Connect metadata (discovered
/// and cached by JwtBearer's configuration manager), or the embedded development server's endpoints.
/// </summary>
internal sealed class SmartEndpoints(IOptions<AuthOptions> auth, IOptionsMonitor<JwtBearerOptions> bearer, IHostEnvironment environment)
{
    public async Task<SmartMetadata?> GetAsync(CancellationToken ct)
    {
        var options = auth.Value;
        if (!string.IsNullOrWhiteSpace(options.Authority))
        {
            try
            {
                var jwt = bearer.Get(SecurityServiceCollectionExtensions.IssuerScheme);
                var configuration = await jwt.ConfigurationManager!.GetConfigurationAsync(ct);
                return new SmartMetadata(configuration.Issuer, configuration.JwksUri, configuration.AuthorizationEndpoint, configuration.TokenEndpoint,
                    configuration.GrantTypesSupported.Count > 0 ? [.. configuration.GrantTypesSupported] : ["client_credentials", "authorization_code"]);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // Discovery only informs clients; a failure here must not break /metadata.
                return null; // metadata unreachable right now, or refused (e.g. not HTTPS)
            }
        }

        if (!AuthOptionsValidator.DevServerEnabled(options, environment))
        {
            return null;
        }

        var issuer = options.DevServer.Issuer.TrimEnd('/');
        return new SmartMetadata(issuer, issuer + "/jwks", issuer + "/authorize", issuer + "/token", ["client_credentials", "authorization_code"]);
    }
}
