using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace FhirOncology.Benchmarks.Auth;

/// <summary>
/// A SMART Backend Services client assertion (backend-services.html#authenticating-to-the-token-endpoint, RFC 7523)
/// built with the BCL alone: a JWT signed RS384 or ES384 with the client's PKCS#8 private key, naming its registered
/// key by kid, iss = sub = client id, aud = the token endpoint, exp four minutes ahead and a fresh jti.
/// </summary>
internal sealed class ClientAssertion : IDisposable
{
    private readonly RSA? _rsa;
    private readonly ECDsa? _ecdsa;
    private readonly string _clientId;
    private readonly string _kid;

    public ClientAssertion(string clientId, string keyPath, string kid)
    {
        _clientId = clientId;
        _kid = kid;
        var pem = File.ReadAllText(keyPath);
        // Both kinds are "PRIVATE KEY" (PKCS#8); the algorithm is inside, so try RSA and then EC.
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            _rsa = rsa;
        }
        catch (CryptographicException)
        {
            rsa.Dispose();
            var ecdsa = ECDsa.Create();
            try
            {
                ecdsa.ImportFromPem(pem);
            }
            catch (CryptographicException)
            {
                ecdsa.Dispose();
                throw;
            }

            _ecdsa = ecdsa;
        }
    }

    public string Create(string tokenEndpoint)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Json(writer =>
        {
            writer.WriteString("alg", _rsa is not null ? "RS384" : "ES384");
            writer.WriteString("typ", "JWT");
            writer.WriteString("kid", _kid);
        });
        var payload = Json(writer =>
        {
            writer.WriteString("iss", _clientId);
            writer.WriteString("sub", _clientId);
            writer.WriteString("aud", tokenEndpoint);
            writer.WriteNumber("iat", now);
            writer.WriteNumber("exp", now + 240);
            writer.WriteString("jti", Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));
        });
        var input = Base64Url.EncodeToString(header) + "." + Base64Url.EncodeToString(payload);
        var data = Encoding.ASCII.GetBytes(input);
        // RFC 7518 §3.3 (RSASSA-PKCS1-v1_5) and §3.4 (ECDSA as r||s, which is .NET's default IEEE P1363 format).
        var signature = _rsa is not null
            ? _rsa.SignData(data, HashAlgorithmName.SHA384, RSASignaturePadding.Pkcs1)
            : _ecdsa!.SignData(data, HashAlgorithmName.SHA384);
        return input + "." + Base64Url.EncodeToString(signature);
    }

    public void Dispose()
    {
        _rsa?.Dispose();
        _ecdsa?.Dispose();
    }

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
