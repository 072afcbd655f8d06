namespace FhirOncology.Core.Search;

/// <summary>
/// The one seam through which access control narrows searches: for every type a query touches — matches,
/// _include and _revinclude targets, and the pages after the first — the store also applies these clauses.
/// The security issue (#5) supplies an implementation from the caller's organisation.
/// </summary>
public interface IAccessScope
{
    IReadOnlyList<SearchClause> ClausesFor(string resourceType);
}

/// <summary>No narrowing: the default until authorisation exists (TODO #5).</summary>
public sealed class UnrestrictedAccessScope : IAccessScope
{
    public IReadOnlyList<SearchClause> ClausesFor(string resourceType) => [];
}
