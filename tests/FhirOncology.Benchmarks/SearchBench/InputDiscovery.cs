using System.Globalization;
using System.Net;
using System.Text.Json;
using FhirOncology.Benchmarks.Generation;

namespace FhirOncology.Benchmarks.SearchBench;

/// <summary>
/// Collects query parameters by searching the server, for a database loaded without <c>--manifest</c>: the reviewing
/// Organizations by identifier system, then referrals with their Patients (<c>_include</c>), page by page through the
/// <c>next</c> links, up to a limit. Pages come in the server's order, so with a limit below the number of referrals
/// the samples lean towards the first patients loaded; a manifest has no such lean.
/// </summary>
internal static class InputDiscovery
{
    private const int PageSize = 500;

    public static async Task<PopulationManifest> DiscoverAsync(HttpClient http, int limit, TextWriter log, CancellationToken ct)
    {
        var reviewers = new List<string>();
        using (var organizations = await GetAsync(http, new Uri($"Organization?identifier={Uri.EscapeDataString(CareTeamSetup.ReviewerSystem + "|")}&_count=100", UriKind.Relative), ct))
        {
            reviewers.AddRange(Resources(organizations.RootElement).Select(resource => resource.GetProperty("id").GetString()!));
        }

        var patients = new Dictionary<string, string>(StringComparer.Ordinal);
        var referrals = new List<(string Referral, string PatientId, string RequesterId, string AuthoredOn)>();
        Uri? next = new(string.Create(CultureInfo.InvariantCulture,
            $"ServiceRequest?identifier={Uri.EscapeDataString(PatientBundleBuilder.ReferralSystem + "|")}&_include=ServiceRequest:subject&_count={PageSize}"), UriKind.Relative);
        // Bounded by pages as well as samples, in case a page holds no usable referral.
        for (var page = 0; next is not null && referrals.Count < limit && page <= limit / PageSize + 1; page++)
        {
            using var bundle = await GetAsync(http, next, ct);
            foreach (var resource in Resources(bundle.RootElement))
            {
                var id = resource.GetProperty("id").GetString()!;
                if (resource.GetProperty("resourceType").GetString() == "Patient")
                {
                    patients[id] = Identifier(resource, PatientBundleBuilder.PatientSystem) ?? "";
                }
                else if (Identifier(resource, PatientBundleBuilder.ReferralSystem) is { } referral
                    && Reference(resource, "subject", "Patient/") is { } patient
                    && Reference(resource, "requester", "Practitioner/") is { } requester
                    && resource.TryGetProperty("authoredOn", out var authored) && authored.GetString() is { Length: >= 10 } date)
                {
                    referrals.Add((referral, patient, requester, date[..10]));
                }
            }

            next = NextLink(bundle.RootElement);
        }

        var samples = referrals
            .Where(r => patients.TryGetValue(r.PatientId, out var identifier) && identifier.Length > 0)
            .Take(limit)
            .Select(r => new ReferralSample(r.PatientId, patients[r.PatientId], r.Referral, r.RequesterId, r.AuthoredOn, LabCode: null))
            .ToList();
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  discovered {reviewers.Count} reviewing Organizations and {samples.Count} referrals with their Patients"));
        return new PopulationManifest("discovered", 0, reviewers, [.. samples.Select(s => s.RequesterId).Distinct()], samples);
    }

    private static async Task<JsonDocument> GetAsync(HttpClient http, Uri url, CancellationToken ct)
    {
        using var response = await http.GetAsync(url, ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        return response.StatusCode == HttpStatusCode.OK
            ? JsonDocument.Parse(body)
            : throw new HttpRequestException(string.Create(CultureInfo.InvariantCulture, $"GET {url} answered {(int)response.StatusCode}."));
    }

    private static IEnumerable<JsonElement> Resources(JsonElement bundle) =>
        bundle.TryGetProperty("entry", out var entries)
            ? entries.EnumerateArray().Where(e => e.TryGetProperty("resource", out _)).Select(e => e.GetProperty("resource"))
            : [];

    private static string? Identifier(JsonElement resource, string system) =>
        resource.TryGetProperty("identifier", out var identifiers)
            ? identifiers.EnumerateArray()
                .Where(i => i.TryGetProperty("system", out var s) && s.GetString() == system && i.TryGetProperty("value", out _))
                .Select(i => i.GetProperty("value").GetString())
                .FirstOrDefault()
            : null;

    /// <summary>The id in a "Type/id" reference, or null when the element is absent or points elsewhere.</summary>
    private static string? Reference(JsonElement resource, string element, string prefix) =>
        resource.TryGetProperty(element, out var value) && value.TryGetProperty("reference", out var reference)
            && reference.GetString() is { } text && text.StartsWith(prefix, StringComparison.Ordinal)
                ? text[prefix.Length..]
                : null;

    /// <summary>The absolute next link; it points at the same server, so it is followed as it is.</summary>
    private static Uri? NextLink(JsonElement bundle) =>
        bundle.TryGetProperty("link", out var links)
            ? links.EnumerateArray()
                .Where(l => l.TryGetProperty("relation", out var r) && r.GetString() == "next" && l.TryGetProperty("url", out _))
                .Select(l => new Uri(l.GetProperty("url").GetString()!, UriKind.Absolute))
                .FirstOrDefault()
            : null;
}
