namespace FhirOncology.Core.Indexing;

/// <summary>
/// The range a decimal's stated precision implies (search.html#number): 5.4 means [5.35, 5.45), 100 means [99.5, 100.5).
/// </summary>
public static class DecimalRange
{
    public static (decimal Low, decimal High) Of(decimal value)
    {
        var scale = (decimal.GetBits(value)[3] >> 16) & 0xFF;
        var half = 0.5m;
        for (var i = 0; i < scale; i++)
        {
            half /= 10;
        }

        return (value - half, value + half);
    }
}
