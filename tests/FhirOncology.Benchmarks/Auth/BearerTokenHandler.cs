using System.Net.Http.Headers;

namespace FhirOncology.Benchmarks.Auth;

/// <summary>Adds <c>Authorization: Bearer</c> to every request (RFC 6750 §2.1); the cached token costs no request.</summary>
internal sealed class BearerTokenHandler(IAccessTokenSource tokens, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }
}
