using System.Text;
using Dapper;
using FhirOncology.Core.Conditional;

namespace FhirOncology.Storage.Resources;

/// <summary>
/// Turns conditional-operation criteria into a WHERE clause over current, not deleted resources. Criteria are
/// ANDed, values within one ORed (search.html#combining); every value is a parameter.
/// </summary>
internal static class CriteriaSql
{
    public static string Where(string type, IReadOnlyList<SearchCriterion> criteria, string lockHint, DynamicParameters parameters)
    {
        parameters.Add("Type", type);
        var sql = new StringBuilder("FROM Resource r").Append(lockHint)
            .Append(" WHERE r.ResourceType = @Type AND r.IsHistory = 0 AND r.IsDeleted = 0");
        var n = 0;
        foreach (var criterion in criteria)
        {
            if (criterion.ParamCode == "_id")
            {
                var names = criterion.Values.Select(value => Add(parameters, ref n, value.Code));
                sql.Append(" AND r.ResourceId IN (").Append(string.Join(", ", names)).Append(')');
                continue;
            }

            var code = Add(parameters, ref n, criterion.ParamCode);
            sql.Append(" AND EXISTS (SELECT 1 FROM TokenSearchParam t").Append(lockHint)
                .Append(" WHERE t.ResourceSurrogateId = r.ResourceSurrogateId AND t.ResourceType = @Type AND t.ParamCode = ")
                .Append(code).Append(" AND (");
            sql.Append(string.Join(" OR ", criterion.Values.Select(value => TokenMatch(value, parameters, ref n))));
            sql.Append("))");
        }

        return sql.ToString();
    }

    // search.html#token: code | system|code | |code (no system) | system| (any code in the system).
    private static string TokenMatch(TokenValue value, DynamicParameters parameters, ref int n) => value switch
    {
        { System: null } => $"t.Code = {Add(parameters, ref n, value.Code)}",
        { System: "" } => $"(t.System IS NULL AND t.Code = {Add(parameters, ref n, value.Code)})",
        { Code: null } => $"t.System = {Add(parameters, ref n, value.System)}",
        _ => $"(t.System = {Add(parameters, ref n, value.System)} AND t.Code = {Add(parameters, ref n, value.Code)})",
    };

    private static string Add(DynamicParameters parameters, ref int n, string? value)
    {
        var name = "@p" + n++;
        parameters.Add(name, value);
        return name;
    }
}
