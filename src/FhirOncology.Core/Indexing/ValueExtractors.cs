using Hl7.Fhir.Model;

namespace FhirOncology.Core.Indexing;

/// <summary>Reference, quantity, number and uri parameter values (search.html#reference, #quantity, #number, #uri).</summary>
internal static class ValueExtractors
{
    public static void Reference(string paramCode, Base value, SearchIndexEntries into)
    {
        var literal = value switch
        {
            ResourceReference reference => reference.Reference,
            PrimitiveType primitive => primitive.ToString(), // canonical or uri used as a reference
            _ => null,
        };
        if (ReferenceValue.TryParse(literal, out var parsed))
        {
            into.References.Add(new ReferenceIndexEntry(paramCode, parsed.BaseUri, parsed.Type, parsed.Id, parsed.Version));
        }
    }

    public static void Quantity(string paramCode, Base value, SearchIndexEntries into)
    {
        if (value is Hl7.Fhir.Model.Quantity { Value: { } amount } quantity)
        {
            var (low, high) = DecimalRange.Of(amount);
            var code = string.IsNullOrEmpty(quantity.Code) ? quantity.Unit : quantity.Code;
            into.Quantities.Add(new QuantityIndexEntry(paramCode, NullIfEmpty(quantity.System), NullIfEmpty(code), amount, low, high));
        }
    }

    public static void Number(string paramCode, Base value, SearchIndexEntries into)
    {
        decimal? number = value switch
        {
            FhirDecimal d => d.Value,
            Integer i => i.Value,
            PositiveInt p => p.Value,
            UnsignedInt u => u.Value,
            _ => null,
        };
        if (number is { } n)
        {
            var (low, high) = DecimalRange.Of(n);
            into.Numbers.Add(new NumberIndexEntry(paramCode, n, low, high));
        }
    }

    public static void Uri(string paramCode, Base value, SearchIndexEntries into)
    {
        if (value is PrimitiveType primitive && primitive.ToString() is { Length: > 0 } uri)
        {
            into.Uris.Add(new UriIndexEntry(paramCode, uri));
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
