using System.Security.Cryptography;

namespace FhirOncology.Benchmarks.Auth;

internal static class AccessTokenSources
{
    /// <summary>The source the options ask for; null for none (the server will answer 401). Throws when the key cannot be read.</summary>
    public static IAccessTokenSource? Create(TokenOptions options, string baseUrl) => options switch
    {
        { Token: { } token } => new StaticTokenSource(token),
        { DevClient: { } client } => new DevServerTokenSource(baseUrl, client, options.DevKey ?? DevServerTokenSource.DemoKeyPath(client), options.Scope),
        _ => null,
    };

    /// <summary>
    /// Gets the first token before anything is measured, so a wrong client or key fails the run at once with the server's
    /// reason; prints how requests authenticate. False (after saying why) when no token could be had.
    /// </summary>
    public static async Task<bool> CheckAsync(IAccessTokenSource? tokens, CancellationToken ct)
    {
        if (tokens is null)
        {
            Console.WriteLine("auth:       none; a server that requires sign-in answers 401 (see --dev-client and --token)");
            return true;
        }

        try
        {
            await tokens.GetAsync(ct);
            Console.WriteLine($"auth:       {tokens.Description}");
            return true;
        }
        catch (HttpRequestException exception)
        {
            Console.Error.WriteLine($"Could not get an access token (is the server running, in Development or with Auth__DevServer__Enabled=true?): {exception.Message}");
            return false;
        }
    }

    /// <summary>Like <see cref="Create"/>, but a key that cannot be read is reported (exit 1 by the caller) instead of thrown.</summary>
    public static bool TryCreate(TokenOptions options, string baseUrl, out IAccessTokenSource? tokens)
    {
        try
        {
            tokens = Create(options, baseUrl);
            return true;
        }
        catch (Exception exception) when (exception is IOException or CryptographicException or UnauthorizedAccessException
            or System.Text.Json.JsonException or InvalidDataException or KeyNotFoundException)
        {
            Console.Error.WriteLine($"Could not read the client's key: {exception.Message}");
            tokens = null;
            return false;
        }
    }
}
