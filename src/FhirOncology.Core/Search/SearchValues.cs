namespace FhirOncology.Core.Search;

/// <summary>One parsed value of a search parameter; the concrete type follows the parameter type.</summary>
public abstract record SearchValue;

public sealed record TokenSearchValue(TokenValue Token) : SearchValue;

public sealed record StringSearchValue(string Normalized, string Exact) : SearchValue;

/// <summary>A date value as the instant range it denotes at its precision, in Unix milliseconds (inclusive).</summary>
public sealed record DateSearchValue(SearchPrefix Prefix, long Start, long End) : SearchValue;

/// <summary>A number or quantity; <see cref="Low"/>/<see cref="High"/> are the value's implicit precision range.</summary>
public sealed record NumberSearchValue(SearchPrefix Prefix, decimal Value, decimal Low, decimal High, string? System = null, string? Code = null)
    : SearchValue;

/// <summary>A reference value: <c>id</c>, <c>Type/id</c> or an absolute URL (search.html#reference).</summary>
public sealed record ReferenceSearchValue(string? BaseUri, string? Type, string Id) : SearchValue;

public sealed record UriSearchValue(string Uri) : SearchValue;

/// <summary>A composite value <c>token$second</c>; <see cref="Second"/> is a token, number, string or date value.</summary>
public sealed record CompositeSearchValue(TokenValue First, SearchValue Second) : SearchValue;
