using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using FhirOncology.Benchmarks.Load;
using FhirOncology.Benchmarks.Resources;

namespace FhirOncology.Benchmarks.Http;

/// <summary>The FHIR interactions the benchmark sends: capabilities, create and read.</summary>
internal sealed class FhirApi(HttpClient http, ResourceBodies bodies)
{
    private const int MaxErrorBodyChars = 200;

    /// <summary>
    /// GET [base]/metadata, as proof the server is up, and a one-line description of it. Throws
    /// <see cref="HttpRequestException"/> when it is not reachable or does not answer 200 with a CapabilityStatement.
    /// </summary>
    public async Task<string> DescribeServerAsync(CancellationToken ct)
    {
        using var response = await http.GetAsync(new Uri("metadata", UriKind.Relative), ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException(
                string.Create(CultureInfo.InvariantCulture, $"GET metadata answered {(int)response.StatusCode}."), null, response.StatusCode);
        }

        try
        {
            using var capabilities = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(ct));
            var root = capabilities.RootElement;
            var software = root.TryGetProperty("software", out var element) ? element : default;
            var name = Text(software, "name") ?? "unnamed server";
            var version = Text(software, "version") is { } number ? " " + number : "";
            return $"{name}{version} (FHIR {Text(root, "fhirVersion") ?? "version unknown"})";
        }
        catch (JsonException exception)
        {
            throw new HttpRequestException($"GET metadata did not answer with JSON: {exception.Message}", exception);
        }
    }

    /// <summary>POST [base]/Patient; the new id goes to <paramref name="ids"/>.</summary>
    public Task<RequestResult> CreatePatientAsync(Worker worker, long sequence, bool minimal, IdPool ids, CancellationToken ct) =>
        CreateAsync("Patient", worker, bodies.WritePatient(worker.Body, sequence), minimal, ids, ct);

    /// <summary>POST [base]/Observation about Patient/<paramref name="patientId"/>; the new id goes to <paramref name="ids"/>.</summary>
    public Task<RequestResult> CreateObservationAsync(
        Worker worker, long sequence, string patientId, bool minimal, IdPool ids, CancellationToken ct) =>
        CreateAsync("Observation", worker, bodies.WriteObservation(worker.Body, sequence, patientId), minimal, ids, ct);

    /// <summary>GET [base]/{type}/{id}; the body is read in full and discarded.</summary>
    public async Task<RequestResult> ReadAsync(Worker worker, string type, string id, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{type}/{id}", UriKind.Relative));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        return response.StatusCode == HttpStatusCode.OK
            ? await DrainAsync(response, worker, RequestResult.Success, ct)
            : await FailureAsync(response, $"GET {type}/{id}", ct);
    }

    /// <summary>
    /// The body is sent from the worker's buffer, which is safe because the worker sends nothing else until this returns.
    /// The id comes from the Location header ([base]/{type}/{id}/_history/{vid}), present with any Prefer: return.
    /// </summary>
    private async Task<RequestResult> CreateAsync(string type, Worker worker, int length, bool minimal, IdPool ids, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(type, UriKind.Relative))
        {
            Content = new ByteArrayContent(worker.Body, 0, length),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(FhirHttpClient.FhirJson);
        if (minimal)
        {
            request.Headers.TryAddWithoutValidation("Prefer", "return=minimal");
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            return await FailureAsync(response, $"POST {type}", ct);
        }

        if (IdFromLocation(response.Headers.Location) is not { } id)
        {
            return await DrainAsync(response, worker, RequestResult.Failed($"POST {type} answered 201 without a usable Location."), ct);
        }

        ids.Add(id);
        return await DrainAsync(response, worker, RequestResult.Success, ct);
    }

    private static async Task<RequestResult> DrainAsync(HttpResponseMessage response, Worker worker, RequestResult result, CancellationToken ct)
    {
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        while (await body.ReadAsync(worker.Drain, ct) > 0)
        {
            // Only the time to receive the whole response matters.
        }

        return result;
    }

    /// <summary>The status and the start of the body, usually an OperationOutcome saying what the server disliked.</summary>
    private static async Task<RequestResult> FailureAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        var excerpt = body.Length > MaxErrorBodyChars ? body[..MaxErrorBodyChars] + "…" : body;
        return RequestResult.Failed(string.Create(CultureInfo.InvariantCulture, $"{what} answered {(int)response.StatusCode}: {excerpt}"));
    }

    private static string? IdFromLocation(Uri? location)
    {
        if (location is null)
        {
            return null;
        }

        var path = location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString;
        var history = path.IndexOf("/_history/", StringComparison.Ordinal);
        if (history >= 0)
        {
            path = path[..history];
        }

        var id = path[(path.LastIndexOf('/') + 1)..];
        return id.Length == 0 ? null : id;
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
