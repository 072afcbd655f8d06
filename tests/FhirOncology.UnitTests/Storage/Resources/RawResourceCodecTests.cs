using System.Text;
using FhirOncology.Storage.Resources;

namespace FhirOncology.UnitTests.Storage.Resources;

public sealed class RawResourceCodecTests
{
    [Fact]
    public void CompressThenDecompress_RoundTripsAndShrinksJson()
    {
        var json = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"resourceType\":\"Observation\",\"status\":\"final\"}", 50)));
        var stored = RawResourceCodec.Compress(json);
        Assert.True(stored.Length < json.Length / 4);
        Assert.Equal(json, RawResourceCodec.Decompress(stored));
    }

    [Fact]
    public void Empty_StaysEmpty() => Assert.Empty(RawResourceCodec.Decompress(RawResourceCodec.Compress([])));
}
