namespace FhirOncology.Core.Conditional;

/// <summary>
/// One parameter of conditional-operation criteria: values are ORed, criteria are ANDed (search.html#combining).
/// <see cref="ParamCode"/> is <c>_id</c> or a token parameter.
/// </summary>
public sealed record SearchCriterion(string ParamCode, IReadOnlyList<TokenValue> Values);

/// <summary>
/// A token search value (search.html#token): <c>code</c> (any system, <see cref="System"/> null),
/// <c>|code</c> (no system, <see cref="System"/> empty), <c>system|code</c>, or <c>system|</c> (<see cref="Code"/> null).
/// </summary>
public sealed record TokenValue(string? System, string? Code);
