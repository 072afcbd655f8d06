using System.ComponentModel.DataAnnotations;

namespace FhirOncology.Api.Hardening;

/// <summary>Section <c>Hardening</c>: per-client rate limits, CORS for SMART apps, and HTTPS (issue #5).</summary>
public sealed class HardeningOptions
{
    public const string Section = "Hardening";

    /// <summary>Requests a client may make per window before 429 (fixed window, per client id, or per address when anonymous).</summary>
    [Range(1, int.MaxValue)]
    public int PermitsPerWindow { get; set; } = 1000;

    [Range(1, 3600)]
    public int WindowSeconds { get; set; } = 10;

    /// <summary>Origins of browser-based SMART apps allowed to call the API (CORS); none by default.</summary>
    public string[] CorsOrigins { get; set; } = [];

    /// <summary>Redirect HTTP to HTTPS and send HSTS; on outside Development unless TLS ends at a proxy that forwards X-Forwarded-Proto.</summary>
    public bool? RequireHttps { get; set; }
}
