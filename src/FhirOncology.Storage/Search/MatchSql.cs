using FhirOncology.Core.Search;

namespace FhirOncology.Storage.Search;

/// <summary>The FROM/WHERE shared by searches, counts and conditional matching: current, not deleted, in scope.</summary>
internal static class MatchSql
{
    /// <summary>The builder's access scope (the AccessPolicy's clauses) narrows every type; types without clauses are unrestricted.</summary>
    public static string From(SearchSqlBuilder builder, IReadOnlyList<string> types, IEnumerable<SearchClause> clauses, string lockHint = "") =>
        $"FROM Resource r{lockHint} WHERE r.ResourceType IN {builder.AddList(types)} AND r.IsHistory = 0 AND r.IsDeleted = 0"
            + builder.Conditions("r", types, clauses) + builder.ScopeConditions("r", types);
}
