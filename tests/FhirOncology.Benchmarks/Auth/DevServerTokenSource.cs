using System.Globalization;
using System.Net;
using System.Text.Json;

namespace FhirOncology.Benchmarks.Auth;

/// <summary>
/// Access tokens from the FHIR server's development authorization server with the client_credentials grant of SMART
/// Backend Services: the token endpoint is taken from <c>[base]/.well-known/smart-configuration</c> (the assertion's
/// aud must be that URL) but called on the host of --base-url, so a server on another port still works. A token is
/// reused until a minute before it expires; then one caller renews it while the others wait.
/// </summary>
internal sealed class DevServerTokenSource : IAccessTokenSource
{
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(1);

    private readonly Uri _fhirBase;
    private readonly string _clientId;
    private readonly string _scope;
    private readonly ClientAssertion _assertion;
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };
    private readonly SemaphoreSlim _renewal = new(1, 1);
    private string? _tokenEndpoint;
    private string? _token;
    private DateTimeOffset _renewAt;

    public DevServerTokenSource(string baseUrl, string clientId, string keyPath, string scope)
    {
        _fhirBase = new Uri(baseUrl + "/", UriKind.Absolute);
        _clientId = clientId;
        _scope = scope;
        if (!File.Exists(keyPath))
        {
            throw new FileNotFoundException(
                $"No private key for client '{clientId}' at {keyPath}; the demo clients are ehr-north, ehr-south and review-center (or pass --dev-key).", keyPath);
        }

        _assertion = new ClientAssertion(clientId, keyPath, KidBeside(keyPath));
    }

    public string Description => $"development server client {_clientId} ({_scope})";

    /// <summary>The committed demo key of a client: under the current directory, else above the binaries (the repository root).</summary>
    public static string DemoKeyPath(string clientId)
    {
        var relative = Path.Combine("src", "FhirOncology.Api", "Security", "DevServer", "DemoClients", clientId + ".private.pem");
        if (File.Exists(relative))
        {
            return Path.GetFullPath(relative);
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, relative)))
            {
                return Path.Combine(directory.FullName, relative);
            }
        }

        return Path.GetFullPath(relative);
    }

    public async ValueTask<string> GetAsync(CancellationToken ct)
    {
        if (_token is { } token && DateTimeOffset.UtcNow < _renewAt)
        {
            return token;
        }

        await _renewal.WaitAsync(ct);
        try
        {
            if (_token is null || DateTimeOffset.UtcNow >= _renewAt)
            {
                await RenewAsync(ct);
            }

            return _token!;
        }
        finally
        {
            _renewal.Release();
        }
    }

    public void Dispose()
    {
        _assertion.Dispose();
        _http.Dispose();
        _renewal.Dispose();
    }

    private async Task RenewAsync(CancellationToken ct)
    {
        _tokenEndpoint ??= await DiscoverTokenEndpointAsync(ct);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["scope"] = _scope,
            ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            ["client_assertion"] = _assertion.Create(_tokenEndpoint),
        });
        var sendTo = new Uri(_fhirBase, new Uri(_tokenEndpoint, UriKind.Absolute).PathAndQuery);
        using var response = await _http.PostAsync(sendTo, form, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException(string.Create(CultureInfo.InvariantCulture,
                $"the token request of {_clientId} to {sendTo} answered {(int)response.StatusCode}: {body}"), null, response.StatusCode);
        }

        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var lifetime = TimeSpan.FromSeconds(root.TryGetProperty("expires_in", out var expiresIn) ? expiresIn.GetInt32() : 300);
        _token = root.GetProperty("access_token").GetString() ?? throw new HttpRequestException("The token response has no access_token.");
        _renewAt = DateTimeOffset.UtcNow + (lifetime > 2 * RenewBefore ? lifetime - RenewBefore : lifetime / 2);
    }

    private async Task<string> DiscoverTokenEndpointAsync(CancellationToken ct)
    {
        var url = new Uri(_fhirBase, ".well-known/smart-configuration");
        using var response = await _http.GetAsync(url, ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException(string.Create(CultureInfo.InvariantCulture, $"GET {url} answered {(int)response.StatusCode}."), null, response.StatusCode);
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(ct));
        return json.RootElement.TryGetProperty("token_endpoint", out var endpoint) && endpoint.GetString() is { } value
            ? value
            : throw new HttpRequestException($"{url} names no token_endpoint.");
    }

    /// <summary>The kid the server registered for the key: from the client's JWKS file beside it (X.private.pem → X.jwks.json).</summary>
    private static string KidBeside(string keyPath)
    {
        var jwksPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(keyPath))!,
            Path.GetFileName(keyPath).Replace(".private.pem", ".jwks.json", StringComparison.Ordinal));
        if (!File.Exists(jwksPath))
        {
            throw new FileNotFoundException($"The client's JWKS (for the key's kid) is expected beside the key: {jwksPath}", jwksPath);
        }

        using var jwks = JsonDocument.Parse(File.ReadAllBytes(jwksPath));
        return jwks.RootElement.GetProperty("keys")[0].GetProperty("kid").GetString()
            ?? throw new InvalidDataException($"{jwksPath} has a key without a kid.");
    }
}
