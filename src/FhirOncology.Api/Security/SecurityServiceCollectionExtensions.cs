using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FhirOncology.Api.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>Tokens from the configured issuer (Auth:Authority).</summary>
    public const string IssuerScheme = "Issuer";

    /// <summary>Tokens from the embedded development authorization server.</summary>
    public const string DevServerScheme = "DevServer";

    private const string SelectorScheme = "Bearer";

    /// <summary>Reads (never validates) a token's issuer for <see cref="SelectScheme"/>; thread-safe, so one for all requests.</summary>
    private static readonly JsonWebTokenHandler TokenReader = new();

    /// <summary>
    /// Asymmetric signatures only: rejects <c>alg: none</c> and an HMAC token "signed" with a public key
    /// (RFC 8725 §2.1, §3.1).
    /// </summary>
    private static readonly string[] AllowedAlgorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    /// <summary>
    /// JwtBearer validation of access tokens (issue #5): the configured OpenID Connect issuer, whose metadata and
    /// JWKS are discovered and refreshed, and the development server when it is enabled. Options are checked at
    /// start-up; the server does not start with unsafe settings.
    /// </summary>
    public static IServiceCollection AddFhirSecurity(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddSingleton<DevSigningKey>();
        services.AddSingleton<CallerFactory>();
        services.AddSingleton<SmartEndpoints>();

        services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "SMART access token", policy => policy.ForwardDefaultSelector = SelectScheme)
            .AddJwtBearer(IssuerScheme)
            .AddJwtBearer(DevServerScheme);
        services.AddOptions<JwtBearerOptions>(IssuerScheme).Configure<IOptions<AuthOptions>>((jwt, auth) =>
        {
            var options = auth.Value;
            jwt.Authority = string.IsNullOrWhiteSpace(options.Authority) ? null : options.Authority;
            jwt.RequireHttpsMetadata = options.RequireHttpsMetadata;
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = Parameters(options);
            if (jwt.Authority is null)
            {
                // No external issuer configured: nothing can validate here (fail closed).
                jwt.TokenValidationParameters.IssuerSigningKeys = [];
                jwt.TokenValidationParameters.ValidIssuer = null;
                jwt.Configuration = new Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectConfiguration();
            }
        });
        services.AddOptions<JwtBearerOptions>(DevServerScheme).Configure<IOptions<AuthOptions>, DevSigningKey>((jwt, auth, key) =>
        {
            var options = auth.Value;
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = Parameters(options);
            jwt.TokenValidationParameters.ValidIssuer = options.DevServer.Issuer;
            jwt.TokenValidationParameters.IssuerSigningKey = key.Key;
            jwt.Configuration = new Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectConfiguration();
        });
        services.AddAuthorization();
        return services;
    }

    private static TokenValidationParameters Parameters(AuthOptions options) => new()
    {
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidAudience = options.Audience,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
        ValidAlgorithms = AllowedAlgorithms,
        ClockSkew = TimeSpan.FromSeconds(options.ClockSkewSeconds),
        NameClaimType = "sub",
    };

    /// <summary>
    /// Routes a token to the scheme of the issuer it claims; that scheme then checks everything, the issuer
    /// included. Tokens from the development server only go there when it is enabled.
    /// </summary>
    private static string SelectScheme(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return IssuerScheme;
        }

        var auth = context.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value;
        var environment = context.RequestServices.GetRequiredService<IHostEnvironment>();
        if (!AuthOptionsValidator.DevServerEnabled(auth, environment))
        {
            return IssuerScheme;
        }

        var handler = TokenReader;
        var token = header["Bearer ".Length..].Trim();
        try
        {
            return handler.CanReadToken(token) && handler.ReadJsonWebToken(token).Issuer == auth.DevServer.Issuer ? DevServerScheme : IssuerScheme;
        }
        catch (ArgumentException)
        {
            // Shaped like a JWT but not one (SecurityTokenMalformedException): the issuer scheme refuses it with a 401.
            return IssuerScheme;
        }
    }
}
