namespace FhirOncology.Core.Search;

/// <summary>
/// A token search value (search.html#token): <c>code</c> (any system, <see cref="System"/> null),
/// <c>|code</c> (no system, <see cref="System"/> empty), <c>system|code</c>, or <c>system|</c> (<see cref="Code"/> null).
/// </summary>
public sealed record TokenValue(string? System, string? Code);
