using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using FhirOncology.Benchmarks.Http;

namespace FhirOncology.Benchmarks.Generation;

/// <summary><c>POST [base]</c> with a transaction Bundle, and the ids the server settled on for its entries.</summary>
internal sealed class TransactionSender(HttpClient http)
{
    private const int MaxErrorBodyChars = 300;

    /// <summary>
    /// Sent with <c>Prefer: return=minimal</c>: a loader needs each entry's location, not the resources echoed back,
    /// and the response then stays small enough that reading it does not distort the latency.
    /// </summary>
    public async Task<TransactionOutcome> PostAsync(ReadOnlyMemory<byte> bundle, CancellationToken ct)
    {
        // The base itself, without the trailing slash the client's BaseAddress carries for relative paths.
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(http.BaseAddress!.AbsoluteUri.TrimEnd('/'), UriKind.Absolute))
        {
            Content = new ReadOnlyMemoryContent(bundle),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(FhirHttpClient.FhirJson);
        request.Headers.TryAddWithoutValidation("Prefer", "return=minimal");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var text = System.Text.Encoding.UTF8.GetString(body);
            var excerpt = text.Length > MaxErrorBodyChars ? text[..MaxErrorBodyChars] + "…" : text;
            return TransactionOutcome.Failed(string.Create(CultureInfo.InvariantCulture,
                $"POST [base] transaction answered {(int)response.StatusCode}: {excerpt}"));
        }

        try
        {
            return Read(body);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return TransactionOutcome.Failed($"POST [base] transaction answered 200 with an unreadable Bundle: {exception.Message}");
        }
    }

    private static TransactionOutcome Read(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        var ids = new List<string>();
        var created = 0;
        foreach (var entry in document.RootElement.GetProperty("entry").EnumerateArray())
        {
            var response = entry.GetProperty("response");
            if (response.GetProperty("status").GetString() is { } status && status.StartsWith("201", StringComparison.Ordinal))
            {
                created++;
            }

            // "Type/id/_history/n": the id is the second segment.
            var location = response.GetProperty("location").GetString() ?? "";
            var segments = location.Split('/');
            ids.Add(segments.Length >= 2 ? segments[1] : "");
        }

        return new TransactionOutcome(null, ids, created);
    }
}
