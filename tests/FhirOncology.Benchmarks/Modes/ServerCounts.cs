using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace FhirOncology.Benchmarks.Modes;

/// <summary>How many current resources the server holds, in all and per generated type (<c>_summary=count</c>).</summary>
internal static class ServerCounts
{
    public const string Total = "total";

    private static readonly string[] Types =
    [
        "Patient", "Condition", "Observation", "DiagnosticReport", "Specimen", "MedicationRequest", "Procedure",
        "ServiceRequest", "Task", "Organization", "Practitioner",
    ];

    /// <summary>"total" first, then each type; throws <see cref="HttpRequestException"/> when a count is refused.</summary>
    public static async Task<Dictionary<string, long>> CountAsync(HttpClient http, CancellationToken ct)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal) { [Total] = await CountAsync(http, "", ct) };
        foreach (var type in Types)
        {
            counts[type] = await CountAsync(http, type, ct);
        }

        return counts;
    }

    public static string Format(IReadOnlyDictionary<string, long> counts) =>
        string.Join(' ', counts.Select(pair => string.Create(CultureInfo.InvariantCulture, $"{pair.Key}={pair.Value}")));

    private static async Task<long> CountAsync(HttpClient http, string type, CancellationToken ct)
    {
        // The system-level count is [base]?_summary=count, relative to the base with its trailing slash.
        using var response = await http.GetAsync(new Uri(type + "?_summary=count", UriKind.Relative), ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException(string.Create(CultureInfo.InvariantCulture,
                $"GET {type}?_summary=count answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}"));
        }

        using var document = JsonDocument.Parse(body);
        return document.RootElement.TryGetProperty("total", out var total) ? total.GetInt64() : -1;
    }
}
