using FhirOncology.Core.Search;

namespace FhirOncology.Storage.Search;

/// <summary>The FROM/WHERE shared by searches, counts and conditional matching: current, not deleted, in scope.</summary>
internal static class MatchSql
{
    public static string From(SearchSqlBuilder builder, IReadOnlyList<string> types, IEnumerable<SearchClause> clauses,
        IReadOnlyDictionary<string, IReadOnlyList<SearchClause>> scope, string lockHint = "")
    {
        var sql = $"FROM Resource r{lockHint} WHERE r.ResourceType IN {builder.AddList(types)} AND r.IsHistory = 0 AND r.IsDeleted = 0"
            + builder.Conditions("r", types, clauses);
        return sql + Scope(builder, types, scope);
    }

    /// <summary>The access scope's clauses for each type (IAccessScope); types without clauses are unrestricted.</summary>
    public static string Scope(SearchSqlBuilder builder, IReadOnlyList<string> types, IReadOnlyDictionary<string, IReadOnlyList<SearchClause>> scope)
    {
        if (!types.Any(type => scope.TryGetValue(type, out var clauses) && clauses.Count > 0))
        {
            return "";
        }

        var perType = types.Select(type => $"(r.ResourceType = {builder.Add(type)}"
            + (scope.TryGetValue(type, out var clauses) ? builder.Conditions("r", [type], clauses) : "") + ")");
        return " AND (" + string.Join(" OR ", perType) + ")";
    }
}
