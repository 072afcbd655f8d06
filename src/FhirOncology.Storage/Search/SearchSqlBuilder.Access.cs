using FhirOncology.Core.Search;

namespace FhirOncology.Storage.Search;

/// <summary>
/// The access rules' clauses (issue #5). They are always probed per candidate row, and they also narrow the
/// resources a chain or <c>_has</c> looks into, so a query cannot learn about resources the caller may not see.
/// </summary>
internal sealed partial class SearchSqlBuilder
{
    private readonly IReadOnlyDictionary<string, IReadOnlyList<SearchClause>> _scope =
        scope ?? new Dictionary<string, IReadOnlyList<SearchClause>>();

    /// <summary>" AND (…)" restricting <paramref name="alias"/> to what the scope allows for each of the types; "" when nothing is restricted.</summary>
    public string ScopeConditions(string alias, IReadOnlyList<string> types)
    {
        if (!types.Any(type => _scope.TryGetValue(type, out var clauses) && clauses.Count > 0))
        {
            return "";
        }

        var perType = types.Select(type => $"({alias}.ResourceType = {Add(type)}"
            + (_scope.TryGetValue(type, out var clauses) ? Conditions(alias, [type], clauses, probeOnly: true) : "") + ")");
        return " AND (" + string.Join(" OR ", perType) + ")";
    }

    private string OrganizationAccess(string alias, OrganizationAccessClause clause)
    {
        if (clause.OrganizationIds.Count == 0)
        {
            return "1 = 0";
        }

        var a = Alias("a");
        var m = Alias("m");
        var c = Alias("c");
        return $"(EXISTS (SELECT 1 FROM ResourceAccess {a}{lockHint} WHERE {a}.ResourceType = {alias}.ResourceType AND {a}.ResourceId = {alias}.ResourceId "
            + $"AND {a}.OrganizationId IN {AddList(clause.OrganizationIds)}) "
            + $"OR EXISTS (SELECT 1 FROM CaseMember {m}{lockHint} JOIN CaseAccess {c}{lockHint} ON {c}.PatientId = {m}.PatientId "
            + $"WHERE {m}.ResourceType = {alias}.ResourceType AND {m}.ResourceId = {alias}.ResourceId AND {c}.OrganizationId IN {AddList(clause.OrganizationIds)}))";
    }

    /// <summary>
    /// The resource belongs to the patient's case. Probed per candidate as a scope clause (SMART patient/ scopes);
    /// when it drives a search (a whole case, SearchService.CaseMembersAsync) the members are looked up through
    /// IX_CaseMember_Patient and joined to their current rows.
    /// </summary>
    private string PatientCase(string alias, PatientCaseClause clause, bool driving = false)
    {
        var m = Alias("m");
        if (driving)
        {
            var r = Alias("r");
            return $"{alias}.ResourceSurrogateId IN (SELECT {r}.ResourceSurrogateId FROM CaseMember {m}{lockHint} "
                + $"JOIN Resource {r}{lockHint} ON {r}.ResourceType = {m}.ResourceType AND {r}.ResourceId = {m}.ResourceId AND {r}.IsHistory = 0 "
                + $"WHERE {m}.PatientId = {Add(clause.PatientId)})";
        }

        return $"EXISTS (SELECT 1 FROM CaseMember {m}{lockHint} WHERE {m}.ResourceType = {alias}.ResourceType AND {m}.ResourceId = {alias}.ResourceId "
            + $"AND {m}.PatientId = {Add(clause.PatientId)})";
    }

    private string AnyOf(string alias, IReadOnlyList<string> types, AnyOfClause clause) =>
        clause.Alternatives.Count == 0
            ? "1 = 0"
            : "(" + string.Join(" OR ", clause.Alternatives.Select(all => "(1 = 1" + Conditions(alias, types, all, probeOnly: true) + ")")) + ")";
}
