using FhirOncology.Core.Search;

namespace FhirOncology.Storage.Search;

internal sealed partial class SearchSqlBuilder
{
    private string Value(string x, ParameterClause clause, SearchValue value) => value switch
    {
        TokenSearchValue token => Token($"{x}.System", $"{x}.Code", token.Token),
        StringSearchValue text => clause.Modifier switch
        {
            SearchModifier.Exact => $"{x}.ValueExact = {Add(text.Exact)}",
            SearchModifier.Contains => $"{x}.Value LIKE {Add("%" + EscapeLike(text.Normalized) + "%")} ESCAPE '\\'",
            _ => $"{x}.Value LIKE {Add(EscapeLike(text.Normalized) + "%")} ESCAPE '\\'", // search.html#string: starts with
        },
        DateSearchValue date => DateRange($"{x}.StartTime", $"{x}.EndTime", date),
        NumberSearchValue number => Number($"{x}.Value", number)
            + (number.System is null ? "" : $" AND {x}.System = {Add(number.System)}")
            + (number.Code is null ? "" : $" AND {x}.Code = {Add(number.Code)}"),
        ReferenceSearchValue reference => Reference(x, clause, reference),
        UriSearchValue uri => clause.Modifier switch
        {
            SearchModifier.Below => $"{x}.Uri LIKE {Add(EscapeLike(uri.Uri) + "%")} ESCAPE '\\'",
            SearchModifier.Above => $"{x}.Uri IN {AddList(Ancestors(uri.Uri))}",
            _ => $"{x}.Uri = {Add(uri.Uri)}",
        },
        CompositeSearchValue composite => Token($"{x}.System1", $"{x}.Code1", composite.First) + " AND " + Second(x, composite.Second),
        _ => throw new InvalidOperationException($"Unknown search value {value.GetType().Name}."),
    };

    private string Second(string x, SearchValue value) => value switch
    {
        TokenSearchValue token => Token($"{x}.System2", $"{x}.Code2", token.Token),
        NumberSearchValue quantity => Number($"{x}.LowValue2", quantity, $"{x}.HighValue2")
            + (quantity.System is null ? "" : $" AND {x}.System2 = {Add(quantity.System)}")
            + (quantity.Code is null ? "" : $" AND {x}.Code2 = {Add(quantity.Code)}"),
        StringSearchValue text => $"{x}.Text2 LIKE {Add(EscapeLike(text.Normalized) + "%")} ESCAPE '\\'",
        DateSearchValue date => DateRange($"{x}.StartTime2", $"{x}.EndTime2", date),
        _ => throw new InvalidOperationException($"Unsupported composite part {value.GetType().Name}."),
    };

    // search.html#token
    private string Token(string system, string code, TokenValue token) => token switch
    {
        { System: null } => $"{code} = {Add(token.Code)}",
        { System: "" } => $"{system} IS NULL AND {code} = {Add(token.Code)}",
        { Code: null } => $"{system} = {Add(token.System)}",
        _ => $"{system} = {Add(token.System)} AND {code} = {Add(token.Code)}",
    };

    /// <summary>search.html#prefix on ranges: the resource's [start, end] against the value's [start, end].</summary>
    public string DateRange(string start, string end, DateSearchValue value)
    {
        string S() => Add(value.Start);
        string E() => Add(value.End);
        return value.Prefix switch
        {
            SearchPrefix.Eq => $"{start} >= {S()} AND {end} <= {E()}",
            SearchPrefix.Ne => $"NOT ({start} >= {S()} AND {end} <= {E()})",
            SearchPrefix.Gt => $"{end} > {E()}",
            SearchPrefix.Lt => $"{start} < {S()}",
            SearchPrefix.Ge => $"{end} >= {S()}",
            SearchPrefix.Le => $"{start} <= {E()}",
            SearchPrefix.Sa => $"{start} > {E()}",
            SearchPrefix.Eb => $"{end} < {S()}",
            _ => Approximately(start, end, value),
        };
    }

    // search.html#prefix "ap": within 10% of the distance from now, and at least a day either side.
    private string Approximately(string start, string end, DateSearchValue value)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var margin = Math.Max((long)(Math.Abs(now - value.Start) * 0.1), 86_400_000L);
        return $"{end} >= {Add(value.Start - margin)} AND {start} <= {Add(value.End + margin)}";
    }

    /// <summary>search.html#number: eq means within the implicit precision of the searched value.</summary>
    private string Number(string column, NumberSearchValue value, string? highColumn = null)
    {
        var high = highColumn ?? column;
        return value.Prefix switch
        {
            SearchPrefix.Eq => $"{column} >= {Add(value.Low)} AND {high} < {Add(value.High)}",
            SearchPrefix.Ne => $"NOT ({column} >= {Add(value.Low)} AND {high} < {Add(value.High)})",
            SearchPrefix.Gt or SearchPrefix.Sa => $"{high} > {Add(value.Value)}",
            SearchPrefix.Lt or SearchPrefix.Eb => $"{column} < {Add(value.Value)}",
            SearchPrefix.Ge => $"{high} >= {Add(value.Value)}",
            SearchPrefix.Le => $"{column} <= {Add(value.Value)}",
            _ => $"{column} >= {Add(value.Value - Math.Abs(value.Value) * 0.1m)} AND {high} <= {Add(value.Value + Math.Abs(value.Value) * 0.1m)}",
        };
    }

    private string Reference(string x, ParameterClause clause, ReferenceSearchValue reference)
    {
        var type = reference.Type ?? clause.TargetType;
        return $"{x}.TargetId = {Add(reference.Id)}"
            + (type is null ? "" : $" AND {x}.TargetType = {Add(type)}")
            + (reference.BaseUri is null ? "" : $" AND {x}.BaseUri = {Add(reference.BaseUri)}");
    }

    /// <summary>search.html#uri :above — the value itself and every path prefix of it.</summary>
    private static IEnumerable<string> Ancestors(string uri)
    {
        var current = uri;
        while (current.Length > 0)
        {
            yield return current;
            var slash = current.LastIndexOf('/');
            if (slash <= current.IndexOf("//", StringComparison.Ordinal) + 1)
            {
                yield break;
            }

            current = current[..slash];
        }
    }

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
