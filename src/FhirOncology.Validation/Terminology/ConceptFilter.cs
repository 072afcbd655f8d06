using System.Text.Json;
using FhirOncology.Validation.Structure;

namespace FhirOncology.Validation.Terminology;

/// <summary>
/// Evaluates <c>ValueSet.compose.include.filter</c> over a code system we hold (valueset.html#compose; the filter
/// operators of codesystem-filter-operator: =, is-a, descendent-of, is-not-a, regex, in, not-in, generalizes, exists,
/// and child-of / descendent-leaf from later versions). The filters of one include all apply. On <c>concept</c>/<c>code</c>
/// they use the hierarchy; on <c>display</c>, on the implicit <c>parent</c>/<c>child</c>, and on the properties the
/// code system declares they compare property values. Anything else cannot be evaluated here, and the caller is told why.
/// </summary>
internal static class ConceptFilter
{
    public static bool TryApply(CodeSystemContent system, JsonElement filters, out HashSet<string> selected, out string? reason)
    {
        selected = new HashSet<string>(system.AllCodes, system.Comparer);
        reason = null;
        foreach (var filter in filters.EnumerateArray())
        {
            var property = CodeSystemContent.Text(filter, "property");
            var op = CodeSystemContent.Text(filter, "op");
            var value = CodeSystemContent.Text(filter, "value");
            if (property is null || op is null || value is null)
            {
                reason = "a filter without property, op or value";
                return false;
            }

            var matching = property is "concept" or "code"
                ? OnHierarchy(system, op, value)
                : OnProperty(system, property, op, value);
            if (matching is null)
            {
                reason = $"the filter '{property} {op} {value}' cannot be evaluated here";
                return false;
            }

            selected.IntersectWith(matching);
        }

        return true;
    }

    private static HashSet<string>? OnHierarchy(CodeSystemContent system, string op, string value)
    {
        var concept = system.Find(value);
        switch (op)
        {
            case "=":
                return Set(system, concept is null ? [] : [concept.Code]);
            case "is-a":
                return concept is null ? Set(system, []) : WithSelf(Descendants(system, concept), concept);
            case "descendent-of":
                return concept is null ? Set(system, []) : Descendants(system, concept);
            case "is-not-a":
                var all = Set(system, system.AllCodes);
                if (concept is not null)
                {
                    all.ExceptWith(WithSelf(Descendants(system, concept), concept));
                }

                return all;
            case "generalizes":
                return concept is null ? Set(system, []) : WithSelf(Ancestors(system, concept), concept);
            case "child-of":
                return Set(system, concept?.Children ?? []);
            case "descendent-leaf":
                return concept is null ? Set(system, [])
                    : Set(system, Descendants(system, concept).Where(code => system.Find(code)!.Children.Count == 0));
            case "in" or "not-in":
                var listed = Set(system, List(value).Where(code => system.Find(code) is not null).Select(code => system.Find(code)!.Code));
                return op == "in" ? listed : Set(system, system.AllCodes.Where(code => !listed.Contains(code)));
            case "regex":
                return RegexCache.Get(value) is { } regex ? Set(system, system.AllCodes.Where(code => regex.IsMatch(code))) : null;
            default:
                return null;
        }
    }

    private static HashSet<string>? OnProperty(CodeSystemContent system, string property, string op, string value)
    {
        Func<Concept, IReadOnlyList<string>> values = property switch
        {
            "display" => c => c.Display is null ? [] : [c.Display],
            "parent" => c => c.Parents,
            "child" => c => c.Children,
            _ when system.DeclaredProperties.Contains(property) => c => c.Properties.TryGetValue(property, out var v) ? v : [],
            _ => null!,
        };
        if (values is null)
        {
            return null; // a property the code system does not define
        }

        Func<Concept, bool>? test = op switch
        {
            "=" => c => values(c).Contains(value, StringComparer.Ordinal),
            "in" => c => values(c).Any(v => List(value).Contains(v, StringComparer.Ordinal)),
            "not-in" => c => !values(c).Any(v => List(value).Contains(v, StringComparer.Ordinal)),
            "exists" when value is "true" or "false" => c => values(c).Count > 0 == (value == "true"),
            "regex" when RegexCache.Get(value) is { } regex => c => values(c).Any(v => regex.IsMatch(v)),
            _ => null,
        };
        return test is null ? null : Set(system, system.Concepts.Where(test).Select(c => c.Code));
    }

    private static HashSet<string> Descendants(CodeSystemContent system, Concept concept) => Walk(system, concept, c => c.Children);

    private static HashSet<string> Ancestors(CodeSystemContent system, Concept concept) => Walk(system, concept, c => c.Parents);

    private static HashSet<string> Walk(CodeSystemContent system, Concept start, Func<Concept, List<string>> next)
    {
        var result = Set(system, []);
        var stack = new Stack<Concept>();
        stack.Push(start);
        while (stack.Count > 0)
        {
            foreach (var code in next(stack.Pop()))
            {
                if (result.Add(code) && system.Find(code) is { } concept)
                {
                    stack.Push(concept);
                }
            }
        }

        result.Remove(start.Code); // a cycle back to the start does not make it its own descendant
        return result;
    }

    private static HashSet<string> WithSelf(HashSet<string> codes, Concept concept)
    {
        codes.Add(concept.Code);
        return codes;
    }

    private static HashSet<string> Set(CodeSystemContent system, IEnumerable<string> codes) => new(codes, system.Comparer);

    private static string[] List(string value) => value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
