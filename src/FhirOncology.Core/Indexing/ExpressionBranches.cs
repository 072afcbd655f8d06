using System.Text.RegularExpressions;

namespace FhirOncology.Core.Indexing;

/// <summary>
/// Core SearchParameter expressions are unions over many types ("AllergyIntolerance.code | Condition.code | …").
/// Keeping only the branches rooted at the type being indexed avoids evaluating the rest on every write.
/// </summary>
internal static partial class ExpressionBranches
{
    public static string? ForType(string expression, string type)
    {
        var branches = SplitTopLevel(expression).Where(branch => IsRootedAt(branch, type)).ToList();
        return branches.Count == 0 ? null : WithoutResolve(string.Join(" | ", branches));
    }

    /// <summary>
    /// At index time there is nothing to resolve() against, so "ref.where(resolve() is Patient)" becomes a test of
    /// the literal reference's type segment (references.html#literal), which is what it means for stored data.
    /// </summary>
    private static string WithoutResolve(string expression) => ResolveIsType().Replace(expression,
        match => $"where(reference.matches('(^|/){match.Groups[1].Value}/[^/]+(/_history/[^/]+)?$'))");

    [GeneratedRegex(@"where\(resolve\(\) is ([A-Za-z]+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex ResolveIsType();

    private static bool IsRootedAt(string branch, string type)
    {
        var text = branch.TrimStart('(', ' ');
        return text == type || text.StartsWith(type + ".", StringComparison.Ordinal) || text.StartsWith(type + " ", StringComparison.Ordinal)
            || text.StartsWith(type + ")", StringComparison.Ordinal);
    }

    private static IEnumerable<string> SplitTopLevel(string expression)
    {
        var depth = 0;
        var quoted = false;
        var start = 0;
        for (var i = 0; i < expression.Length; i++)
        {
            var c = expression[i];
            if (c == '\'')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '(')
            {
                depth++;
            }
            else if (!quoted && c == ')')
            {
                depth--;
            }
            else if (!quoted && depth == 0 && c == '|')
            {
                yield return expression[start..i].Trim();
                start = i + 1;
            }
        }

        yield return expression[start..].Trim();
    }
}
