namespace FhirOncology.Core.Indexing;

/// <summary>
/// One token value of a search parameter (search.html#token): a code with its optional system. Coding,
/// CodeableConcept, Identifier, ContactPoint, code, boolean, id and string values all index to this shape.
/// </summary>
public sealed record TokenIndexEntry(string ParamCode, string? System, string Code);
