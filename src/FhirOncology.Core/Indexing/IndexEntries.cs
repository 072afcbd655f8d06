namespace FhirOncology.Core.Indexing;

/// <summary>A string value (search.html#string): normalised for the default and :contains matches, exact for :exact.</summary>
public sealed record StringIndexEntry(string ParamCode, string Value, string ValueExact);

/// <summary>A date, dateTime, instant, Period or Timing as the instant range it covers, in Unix milliseconds (inclusive).</summary>
public sealed record DateIndexEntry(string ParamCode, long Start, long End);

/// <summary>A literal reference (search.html#reference); <see cref="BaseUri"/> is set only for absolute references.</summary>
public sealed record ReferenceIndexEntry(string ParamCode, string? BaseUri, string? TargetType, string TargetId, int? TargetVersion);

/// <summary>A Quantity with the range its stated precision implies (search.html#quantity).</summary>
public sealed record QuantityIndexEntry(string ParamCode, string? System, string? Code, decimal Value, decimal Low, decimal High);

/// <summary>A number with the range its stated precision implies (search.html#number).</summary>
public sealed record NumberIndexEntry(string ParamCode, decimal Value, decimal Low, decimal High);

/// <summary>A uri, url, canonical, oid or uuid value (search.html#uri).</summary>
public sealed record UriIndexEntry(string ParamCode, string Uri);

/// <summary>
/// A two-part composite value (search.html#composite): a token, and a second part that is a token, quantity,
/// string or date; only the columns of the second part's kind are set.
/// </summary>
public sealed record CompositeIndexEntry(
    string ParamCode, string? System1, string Code1,
    string? System2 = null, string? Code2 = null, string? Text2 = null,
    decimal? Low2 = null, decimal? High2 = null, long? Start2 = null, long? End2 = null);

/// <summary>Everything a resource version contributes to the search index.</summary>
public sealed class SearchIndexEntries
{
    public static readonly SearchIndexEntries None = new();

    public HashSet<TokenIndexEntry> Tokens { get; } = [];

    public HashSet<StringIndexEntry> Strings { get; } = [];

    public HashSet<DateIndexEntry> Dates { get; } = [];

    public HashSet<ReferenceIndexEntry> References { get; } = [];

    public HashSet<QuantityIndexEntry> Quantities { get; } = [];

    public HashSet<NumberIndexEntry> Numbers { get; } = [];

    public HashSet<UriIndexEntry> Uris { get; } = [];

    public HashSet<CompositeIndexEntry> Composites { get; } = [];
}
