using Microsoft.Extensions.Logging;

namespace FhirOncology.Api.Hardening;

/// <summary>
/// Request URLs carry search parameters (names, identifiers, birth dates): they are PHI and must never reach a log
/// (STYLE.md §10, issue #5). ASP.NET Core's hosting diagnostics log every request URL at Information, so that
/// category is capped at Warning after configuration is bound, whatever the configured levels say; a
/// provider-specific level (Logging:Console:LogLevel:…) for exactly this category would still override it.
/// </summary>
internal static class PhiSafeLogging
{
    private static readonly string[] UrlLoggingCategories = ["Microsoft.AspNetCore.Hosting.Diagnostics", "Microsoft.AspNetCore.HttpLogging"];

    public static ILoggingBuilder AddPhiSafeFilters(this ILoggingBuilder logging)
    {
        logging.Services.PostConfigure<LoggerFilterOptions>(options =>
        {
            foreach (var category in UrlLoggingCategories)
            {
                options.Rules.Add(new LoggerFilterRule(null, category, LogLevel.Warning, null));
            }
        });
        return logging;
    }
}
