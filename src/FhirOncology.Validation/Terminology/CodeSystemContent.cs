using System.Text.Json;

namespace FhirOncology.Validation.Terminology;

/// <summary>
/// The concepts of a code system we hold, with their hierarchy (codesystem.html#hierarchy), for whole-system
/// includes and <c>is-a</c> / <c>descendent-of</c> / <c>=</c> filters. Only <c>content = complete</c> counts as known.
/// </summary>
internal sealed class CodeSystemContent
{
    private readonly Dictionary<string, List<string>> _children = new(StringComparer.Ordinal);

    public bool IsComplete { get; private init; }

    public HashSet<string> AllCodes { get; } = new(StringComparer.Ordinal);

    public static CodeSystemContent From(JsonElement codeSystem)
    {
        var content = codeSystem.TryGetProperty("content", out var c) ? c.GetString() : null;
        var result = new CodeSystemContent { IsComplete = content == "complete" };
        if (codeSystem.TryGetProperty("concept", out var concepts))
        {
            result.AddConcepts(concepts, parent: null);
        }

        return result;
    }

    private void AddConcepts(JsonElement concepts, string? parent)
    {
        foreach (var concept in concepts.EnumerateArray())
        {
            if (!concept.TryGetProperty("code", out var codeElement) || codeElement.GetString() is not { } code)
            {
                continue;
            }

            AllCodes.Add(code);
            if (parent is not null)
            {
                Children(parent).Add(code);
            }

            if (concept.TryGetProperty("concept", out var nested))
            {
                AddConcepts(nested, code);
            }
        }
    }

    /// <summary>Evaluates <c>concept is-a|descendent-of|= X</c> filters; false when a filter is not one of those.</summary>
    public bool TryFilter(JsonElement filters, out HashSet<string> selected)
    {
        selected = new HashSet<string>(AllCodes, StringComparer.Ordinal);
        foreach (var filter in filters.EnumerateArray())
        {
            var property = filter.TryGetProperty("property", out var p) ? p.GetString() : null;
            var op = filter.TryGetProperty("op", out var o) ? o.GetString() : null;
            var value = filter.TryGetProperty("value", out var v) ? v.GetString() : null;
            if (property is not ("concept" or "code") || value is null)
            {
                return false;
            }

            HashSet<string> matching;
            switch (op)
            {
                case "is-a":
                    matching = Descendants(value);
                    matching.Add(value);
                    break;
                case "descendent-of":
                    matching = Descendants(value);
                    break;
                case "=":
                    matching = [value];
                    break;
                default:
                    return false;
            }

            selected.IntersectWith(matching);
        }

        return true;
    }

    private HashSet<string> Descendants(string code)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        stack.Push(code);
        while (stack.Count > 0)
        {
            if (_children.TryGetValue(stack.Pop(), out var children))
            {
                foreach (var child in children.Where(result.Add))
                {
                    stack.Push(child);
                }
            }
        }

        return result;
    }

    private List<string> Children(string parent)
    {
        if (!_children.TryGetValue(parent, out var list))
        {
            list = [];
            _children[parent] = list;
        }

        return list;
    }
}
