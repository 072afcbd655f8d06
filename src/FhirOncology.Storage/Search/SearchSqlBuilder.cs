using System.Globalization;
using System.Text;
using Dapper;
using FhirOncology.Core.Search;
using Hl7.Fhir.Model;

namespace FhirOncology.Storage.Search;

/// <summary>
/// Turns search clauses into SQL conditions on a Resource-table alias. Leaf clauses select surrogate ids from the
/// typed index tables through their (ResourceType, ParamCode, value) indexes, so selective parameters drive the
/// query; chains and <c>_has</c> join through ReferenceSearchParam. Every value is a parameter.
/// </summary>
internal sealed partial class SearchSqlBuilder(
    string lockHint = "", IReadOnlyDictionary<string, IReadOnlyList<SearchClause>>? scope = null)
{
    private int _next;

    public DynamicParameters Parameters { get; } = new();

    /// <summary>
    /// " AND (…)" for each clause, applied to <paramref name="alias"/> of one of <paramref name="types"/>. SQLite keeps
    /// no statistics, so the order is chosen here: the most selective kind of clause (an equality on a reference,
    /// token, uri or string; then chains) selects the candidate rows through its lookup index, and every other clause
    /// is probed per candidate through the index tables' surrogate-id index instead of being materialised whole.
    /// </summary>
    public string Conditions(string alias, IReadOnlyList<string> types, IEnumerable<SearchClause> clauses, bool probeOnly = false)
    {
        var sql = new StringBuilder();
        var driving = !probeOnly;
        foreach (var clause in clauses.OrderBy(Selectivity))
        {
            sql.Append(" AND ").Append(Clause(alias, types, clause, driving));
            driving = false;
        }

        return sql.ToString();
    }

    /// <summary>Lower is more selective (ranked by kind, for want of statistics).</summary>
    private static int Selectivity(SearchClause clause) => clause switch
    {
        ParameterClause { Code: ParameterClause.IdCode, Modifier: SearchModifier.None } => 0,
        ParameterClause { Modifier: SearchModifier.Missing or SearchModifier.Not } => 9,
        ParameterClause { Type: SearchParamType.Reference or SearchParamType.Uri } => 1,
        ParameterClause { Type: SearchParamType.Token } token => token.Values.All(v => v is TokenSearchValue { Token.System: not null, Token.Code: not null }) ? 2 : 3,
        ParameterClause { Type: SearchParamType.String, Modifier: SearchModifier.Exact } => 3,
        ChainClause => 4,
        ParameterClause { Type: SearchParamType.String, Modifier: SearchModifier.None } => 5,
        HasClause => 6,
        PatientCaseClause => 1, // only a domain operation asks for a whole case (CaseMember's patient index drives)
        OrganizationAccessClause or AnyOfClause => 10, // never drive: probed per candidate
        _ => 8, // ranges: dates, numbers, quantities, composites, :contains, _lastUpdated
    };

    public string Add(object? value)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"@q{_next++}");
        Parameters.Add(name, value);
        return name;
    }

    public string AddList(IEnumerable<string> values) => "(" + string.Join(", ", values.Select(v => Add(v))) + ")";

    private string Clause(string alias, IReadOnlyList<string> types, SearchClause clause, bool driving) => clause switch
    {
        ChainClause chain => Chain(alias, types, chain),
        HasClause has => Has(alias, types, has),
        OrganizationAccessClause access => OrganizationAccess(alias, access),
        PatientCaseClause patientCase => PatientCase(alias, patientCase, driving),
        AnyOfClause anyOf => AnyOf(alias, types, anyOf),
        ParameterClause { Code: ParameterClause.IdCode } id => Id(alias, id),
        ParameterClause { Code: ParameterClause.LastUpdatedCode } lastUpdated =>
            "(" + string.Join(" OR ", lastUpdated.Values.Cast<DateSearchValue>().Select(v => DateRange($"{alias}.LastUpdated", $"{alias}.LastUpdated", v))) + ")",
        ParameterClause leaf => Leaf(alias, types, leaf, driving),
        _ => throw new InvalidOperationException($"Unknown clause {clause.GetType().Name}."),
    };

    private string Id(string alias, ParameterClause clause)
    {
        var ids = AddList(clause.Values.Cast<TokenSearchValue>().Select(v => v.Token.Code!));
        return clause.Modifier == SearchModifier.Not ? $"{alias}.ResourceId NOT IN {ids}" : $"{alias}.ResourceId IN {ids}";
    }

    // search.html#chaining: the inner condition drives (the matching targets are few), then their referrers are
    // looked up through IX_ReferenceSearchParam_Lookup (ResourceType, ParamCode, TargetId, TargetType).
    private string Chain(string alias, IReadOnlyList<string> types, ChainClause chain)
    {
        var target = Alias("t");
        var x = Alias("x");
        var targetTypes = AddList(chain.TargetTypes);
        return $"{alias}.ResourceSurrogateId IN (SELECT {x}.ResourceSurrogateId FROM ReferenceSearchParam {x}{lockHint} "
            + $"WHERE {x}.ResourceType IN {AddList(types)} AND {x}.ParamCode = {Add(chain.ReferenceCode)} AND {x}.TargetType IN {targetTypes} "
            + $"AND {x}.TargetId IN (SELECT {target}.ResourceId FROM Resource {target}{lockHint} "
            + $"WHERE {target}.ResourceType IN {AddList(chain.TargetTypes)} AND {target}.IsHistory = 0 AND {target}.IsDeleted = 0"
            + Conditions(target, chain.TargetTypes, [chain.Inner]) + ScopeConditions(target, chain.TargetTypes) + "))";
    }

    // search.html#has: the sources satisfying the inner condition drive (through its index lookup), then their
    // references (IX_ReferenceSearchParam_Surrogate) give the ids that match.
    private string Has(string alias, IReadOnlyList<string> types, HasClause has)
    {
        var source = Alias("s");
        var x = Alias("x");
        var hit = Alias("h");
        // Matching by surrogate id lets the outer query look rows up instead of scanning the type in key order.
        return $"{alias}.ResourceSurrogateId IN (SELECT {hit}.ResourceSurrogateId FROM Resource {hit}{lockHint} "
            + $"WHERE {hit}.ResourceType IN {AddList(types)} AND {hit}.IsHistory = 0 AND {hit}.ResourceId IN (SELECT {x}.TargetId FROM Resource {source}{lockHint} "
            + $"JOIN ReferenceSearchParam {x}{lockHint} ON {x}.ResourceSurrogateId = {source}.ResourceSurrogateId "
            + $"WHERE {source}.ResourceType = {Add(has.SourceType)} AND {source}.IsHistory = 0 AND {source}.IsDeleted = 0"
            + Conditions(source, [has.SourceType], [has.Inner]) + ScopeConditions(source, [has.SourceType])
            + $" AND {x}.ParamCode = {Add(has.ReferenceCode)} AND {x}.TargetType IN {AddList(types)}))";
    }

    private string Leaf(string alias, IReadOnlyList<string> types, ParameterClause clause, bool driving)
    {
        var table = Table(clause.Type);
        var x = Alias("x");
        var code = Add(clause.Code);
        if (clause.Modifier == SearchModifier.Missing)
        {
            return $"{(clause.Missing == true ? "NOT " : "")}EXISTS (SELECT 1 FROM {table} {x}{lockHint} WHERE {x}.ResourceSurrogateId = {alias}.ResourceSurrogateId AND {x}.ParamCode = {code})";
        }

        var values = string.Join(" OR ", clause.Values.Select(value => "(" + Value(x, clause, value) + ")"));
        if (clause.Modifier == SearchModifier.Not)
        {
            // search.html#modifiers: :not matches resources that have no such token, including those with no value at all.
            return $"NOT EXISTS (SELECT 1 FROM {table} {x}{lockHint} WHERE {x}.ResourceSurrogateId = {alias}.ResourceSurrogateId AND {x}.ParamCode = {code} AND ({values}))";
        }

        return driving
            ? $"{alias}.ResourceSurrogateId IN (SELECT {x}.ResourceSurrogateId FROM {table} {x}{lockHint} WHERE {x}.ResourceType IN {AddList(types)} AND {x}.ParamCode = {code} AND ({values}))"
            : $"EXISTS (SELECT 1 FROM {table} {x}{lockHint} WHERE {x}.ResourceSurrogateId = {alias}.ResourceSurrogateId AND {x}.ParamCode = {code} AND ({values}))";
    }

    private static string Table(SearchParamType type) => type switch
    {
        SearchParamType.Token => "TokenSearchParam",
        SearchParamType.String => "StringSearchParam",
        SearchParamType.Date => "DateSearchParam",
        SearchParamType.Reference => "ReferenceSearchParam",
        SearchParamType.Quantity => "QuantitySearchParam",
        SearchParamType.Number => "NumberSearchParam",
        SearchParamType.Uri => "UriSearchParam",
        SearchParamType.Composite => "CompositeSearchParam",
        _ => throw new InvalidOperationException($"No index table for {type}."),
    };

    private string Alias(string prefix) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{_next++}");
}
