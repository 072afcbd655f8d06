using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using FhirOncology.Api.Errors;
using FhirOncology.Core.Errors;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace FhirOncology.Api.Hardening;

public static class HardeningExtensions
{
    public const string CorsPolicy = "smart-apps";

    private static readonly string[] ExposedHeaders = ["ETag", "Location", "Last-Modified", "Content-Location", "Retry-After", "WWW-Authenticate"];

    /// <summary>Rate limiting, CORS and forwarded headers (issue #5); options validated at start-up.</summary>
    public static IServiceCollection AddFhirHardening(this IServiceCollection services)
    {
        services.AddOptions<HardeningOptions>().BindConfiguration(HardeningOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<HardeningOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(PartitionKey(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.PermitsPerWindow,
                    Window = TimeSpan.FromSeconds(options.WindowSeconds),
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = RejectAsync;
        });
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>().Configure<IOptions<HardeningOptions>>((cors, hardening) =>
            cors.AddPolicy(CorsPolicy, policy => policy
                .WithOrigins(hardening.Value.CorsOrigins)
                .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
                .WithHeaders("Authorization", "Content-Type", "Accept", "If-Match", "If-None-Match", "If-None-Exist", "If-Modified-Since", "Prefer")
                .WithExposedHeaders(ExposedHeaders)));
        services.Configure<ForwardedHeadersOptions>(forwarded =>
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        return services;
    }

    /// <summary>
    /// In order: forwarded headers (so HTTPS and the client address are known behind a proxy), HTTPS redirection and
    /// HSTS outside Development, security headers, CORS. Rate limiting runs after authentication (<see cref="UseFhirRateLimiting"/>).
    /// </summary>
    public static WebApplication UseFhirHardening(this WebApplication app)
    {
        app.UseForwardedHeaders();
        var requireHttps = app.Services.GetRequiredService<IOptions<HardeningOptions>>().Value.RequireHttps ?? !app.Environment.IsDevelopment();
        if (requireHttps)
        {
            app.UseHsts();
            // Container and orchestrator probes call /health over plain HTTP inside the host.
            app.UseWhen(context => !context.Request.Path.StartsWithSegments("/health"), branch => branch.UseHttpsRedirection());
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseCors(CorsPolicy);
        return app;
    }

    /// <summary>Per client: after authentication, so the partition is the token's client and not a spoofable header.</summary>
    public static WebApplication UseFhirRateLimiting(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    private static string PartitionKey(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true
            ? "client:" + (context.User.FindFirstValue("client_id") ?? context.User.FindFirstValue("azp") ?? context.User.FindFirstValue("sub") ?? "?")
            : "address:" + context.Connection.RemoteIpAddress;

    // RFC 6585 §4: 429 with Retry-After; the body is an OperationOutcome like every FHIR error.
    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var http = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? (int)Math.Ceiling(wait.TotalSeconds)
            : http.RequestServices.GetRequiredService<IOptions<HardeningOptions>>().Value.WindowSeconds;
        http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        await OperationOutcomeWriter.WriteAsync(http, StatusCodes.Status429TooManyRequests, FhirIssue.ToOperationOutcome(
            [new FhirIssue(OperationOutcome.IssueSeverity.Error, OperationOutcome.IssueType.Throttled,
                $"Too many requests from this client; retry after {retryAfter} s.")]));
    }
}
