using System.Globalization;
using System.Net.Http.Headers;
using FhirOncology.Core.Storage;
using Microsoft.Extensions.Options;

namespace FhirOncology.Core.Subscriptions;

/// <summary>
/// One rest-hook notification over HTTP. R4 (codesystem-subscription-channel-type.html, rest-hook): "The channel
/// is executed by making a post to the URI. If a payload is included, the URL is interpreted as the service base,
/// and an update (PUT) is made." So without channel.payload: an empty POST to channel.endpoint; with
/// <c>application/fhir+json</c>: PUT [endpoint]/[type]/[id] with the version that matched as the body. Every
/// channel.header goes along. Redirects are not followed (the endpoint checks must hold for where data goes).
/// </summary>
public sealed class NotificationSender(IHttpClientFactory clients, IOptions<SubscriptionOptions> options)
{
    public const string HttpClientName = "FhirOncology.Subscriptions";

    /// <summary>Null when the endpoint accepted the notification (2xx); otherwise what went wrong, naming the endpoint's host only.</summary>
    public async Task<string?> SendAsync(
        Uri endpoint, IReadOnlyList<KeyValuePair<string, string>> headers, ResourceKey resource, ReadOnlyMemory<byte>? payload, CancellationToken ct)
    {
        var host = EndpointPolicy.HostOf(endpoint);
        var content = payload is { } body ? FhirJson(body) : new ByteArrayContent([]);
        using var request = new HttpRequestMessage(payload is null ? HttpMethod.Post : HttpMethod.Put,
            payload is null ? endpoint : ResourceUrl(endpoint, resource)) { Content = content };
        foreach (var (name, value) in headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.DeliveryTimeout);
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return response.IsSuccessStatusCode
                ? null
                : string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode} from {host}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return string.Create(CultureInfo.InvariantCulture, $"No answer from {host} within {options.Value.DeliveryTimeoutMilliseconds} ms");
        }
        catch (HttpRequestException ex)
        {
            return $"Could not reach {host} ({ex.HttpRequestError})";
        }
    }

    private static Uri ResourceUrl(Uri endpoint, ResourceKey resource)
    {
        var url = new UriBuilder(endpoint);
        url.Path = $"{url.Path.TrimEnd('/')}/{resource.Type}/{resource.Id}";
        return url.Uri;
    }

    private static ByteArrayContent FhirJson(ReadOnlyMemory<byte> body)
    {
        var content = new ByteArrayContent(body.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue(SubscriptionRules.FhirJson) { CharSet = "utf-8" };
        return content;
    }
}
