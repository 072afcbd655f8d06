using Microsoft.Extensions.Options;

namespace FhirOncology.Api.Security;

/// <summary>
/// A server holding health data refuses to start with unsafe authentication settings (STYLE.md §8, issue #5):
/// outside Development it needs an issuer and audience (or an explicitly enabled development server) and HTTPS
/// metadata.
/// </summary>
internal sealed class AuthOptionsValidator(IHostEnvironment environment) : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        var devServer = DevServerEnabled(options, environment);
        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            failures.Add("Auth:Audience is required: the audience access tokens must be issued for (this server's FHIR base URL).");
        }

        if (string.IsNullOrWhiteSpace(options.Authority) && !devServer)
        {
            failures.Add("Auth:Authority is required: the OpenID Connect issuer whose tokens this server accepts.");
        }

        if (!string.IsNullOrWhiteSpace(options.Authority))
        {
            if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority))
            {
                failures.Add("Auth:Authority must be an absolute URL.");
            }
            else if (options.RequireHttpsMetadata && authority.Scheme != Uri.UriSchemeHttps)
            {
                failures.Add("Auth:Authority must use HTTPS (set Auth:RequireHttpsMetadata to false in Development only).");
            }
        }

        if (!environment.IsDevelopment() && !options.RequireHttpsMetadata)
        {
            failures.Add("Auth:RequireHttpsMetadata may be false in Development only.");
        }

        if (options.ClockSkewSeconds is < 0 or > 300)
        {
            failures.Add("Auth:ClockSkewSeconds must be between 0 and 300.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>On by default in Development; elsewhere only when Auth:DevServer:Enabled is set to true.</summary>
    public static bool DevServerEnabled(AuthOptions options, IHostEnvironment environment) =>
        options.DevServer.Enabled ?? environment.IsDevelopment();
}
