using System.IO.Compression;

namespace FhirOncology.Storage.Resources;

/// <summary>Resource JSON is stored deflate-compressed (issue #2: raw resource stored compressed).</summary>
internal static class RawResourceCodec
{
    public static byte[] Compress(ReadOnlySpan<byte> json)
    {
        if (json.IsEmpty)
        {
            return [];
        }

        using var buffer = new MemoryStream(json.Length / 3 + 64);
        using (var deflate = new DeflateStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            deflate.Write(json);
        }

        return buffer.ToArray();
    }

    public static byte[] Decompress(byte[] stored)
    {
        if (stored.Length == 0)
        {
            return [];
        }

        using var input = new MemoryStream(stored, writable: false);
        using var deflate = new DeflateStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream(stored.Length * 4);
        deflate.CopyTo(output);
        return output.ToArray();
    }
}
