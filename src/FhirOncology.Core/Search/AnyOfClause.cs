namespace FhirOncology.Core.Search;

/// <summary>
/// Added by the access rules: any one of the alternatives holds, each a list of ANDed clauses. Several SMART
/// scopes for one type grant the union of what each allows.
/// </summary>
public sealed record AnyOfClause(IReadOnlyList<IReadOnlyList<SearchClause>> Alternatives) : SearchClause;
