using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace FhirOncology.Api.Security.DevServer;

/// <summary>Reads a client's JSON Web Key Set file (RFC 7517 §5) as the development server trusts it.</summary>
internal static class DevClientKeys
{
    /// <summary>
    /// A relative path is looked up under the content root (the project folder under <c>dotnet run</c> and in tests),
    /// then beside the binaries, where the build copies the demo JWKS files.
    /// </summary>
    public static string Resolve(string contentRoot, string path)
    {
        if (Path.IsPathRooted(path))
        {
            return path;
        }

        var underContentRoot = Path.Combine(contentRoot, path);
        return File.Exists(underContentRoot) ? underContentRoot : Path.Combine(AppContext.BaseDirectory, path);
    }

    /// <summary>
    /// The signature keys of the set: RSA or EC, with a <c>kid</c> (SMART backend-services.html: the assertion names
    /// its key by kid), public only. Null with a reason when the file is missing, unreadable, has no such key, or
    /// holds private key material (a JWKS registered with a server must never carry it).
    /// </summary>
    public static IReadOnlyList<JsonWebKey>? Load(string path, out string? problem)
    {
        problem = null;
        if (!File.Exists(path))
        {
            problem = $"the JWKS file {path} does not exist";
            return null;
        }

        JsonWebKeySet set;
        try
        {
            set = new JsonWebKeySet(File.ReadAllText(path));
        }
        catch (Exception exception) when (exception is ArgumentException or JsonException)
        {
            problem = $"{path} is not a JSON Web Key Set";
            return null;
        }

        if (set.Keys.Any(key => key.HasPrivateKey))
        {
            problem = $"{path} holds private key material; register the public keys only";
            return null;
        }

        var keys = set.Keys
            .Where(key => key.Kty is JsonWebAlgorithmsKeyTypes.RSA or JsonWebAlgorithmsKeyTypes.EllipticCurve)
            .Where(key => !string.IsNullOrEmpty(key.Kid) && (string.IsNullOrEmpty(key.Use) || key.Use == JsonWebKeyUseNames.Sig))
            .ToList();
        if (keys.Count == 0)
        {
            problem = $"{path} has no RSA or EC signature key with a kid";
            return null;
        }

        return keys;
    }
}
