using System.Security.Cryptography;

namespace FhirOncology.Core.Audit;

/// <summary>
/// The hash chain over the audit log (issue #5): entry n stores <c>Hash(n) = SHA-256(Hash(n-1) || json(n))</c>, with
/// the 32 bytes of the previous hash (all zeros before the first entry) followed by the AuditEvent's JSON exactly as
/// stored and served (UTF-8, the server's compact serialisation). Hashing the stored bytes rather than a
/// re-serialisation means an SDK upgrade can never invalidate old entries. Hashes are written as lower-case hex.
/// </summary>
public static class AuditChain
{
    public static readonly string Genesis = new('0', 64);

    public static string Next(string previousHash, ReadOnlySpan<byte> json)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Convert.FromHexString(previousHash));
        sha.AppendData(json);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
