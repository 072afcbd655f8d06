using System.Text.Json;

namespace FhirOncology.Validation.Terminology;

/// <summary>
/// The concepts of a code system we hold, with their displays, designations, properties and hierarchy
/// (codesystem.html#hierarchy: nested concepts, or parent / child / subsumedBy properties). Only
/// <c>content = complete</c> is taken as all the codes there are; a fragment or example lists some of them.
/// </summary>
internal sealed class CodeSystemContent
{
    private static readonly HashSet<string> ParentProperties = new(StringComparer.Ordinal) { "parent", "subsumedBy" };

    private readonly Dictionary<string, Concept> _concepts;

    private CodeSystemContent(string url, string? version, string? content, bool caseSensitive, HashSet<string> properties)
    {
        Url = url;
        Version = version;
        Content = content ?? "not-present";
        CaseSensitive = caseSensitive;
        DeclaredProperties = properties;
        _concepts = new Dictionary<string, Concept>(caseSensitive ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);
    }

    public string Url { get; }

    public string? Version { get; }

    /// <summary><c>CodeSystem.content</c>: complete, fragment, example, not-present or supplement.</summary>
    public string Content { get; }

    public bool IsComplete => Content == "complete";

    public bool CaseSensitive { get; }

    /// <summary>Property codes declared in <c>CodeSystem.property</c>, the only ones a filter may name besides concept/code/display.</summary>
    public HashSet<string> DeclaredProperties { get; }

    /// <summary>How codes compare: ordinal, or ignoring case when the code system is not case-sensitive.</summary>
    public StringComparer Comparer => CaseSensitive ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;

    public IEnumerable<Concept> Concepts => _concepts.Values;

    public IEnumerable<string> AllCodes => _concepts.Keys;

    public Concept? Find(string code) => _concepts.GetValueOrDefault(code);

    public static CodeSystemContent From(JsonElement codeSystem)
    {
        var properties = new HashSet<string>(StringComparer.Ordinal);
        var parentAliases = new HashSet<string>(ParentProperties, StringComparer.Ordinal);
        var childAliases = new HashSet<string>(StringComparer.Ordinal) { "child" };
        if (codeSystem.TryGetProperty("property", out var declared) && declared.ValueKind == JsonValueKind.Array)
        {
            foreach (var property in declared.EnumerateArray())
            {
                if (Text(property, "code") is not { } code)
                {
                    continue;
                }

                properties.Add(code);
                var uri = Text(property, "uri") ?? "";
                if (uri.EndsWith("#parent", StringComparison.Ordinal))
                {
                    parentAliases.Add(code);
                }
                else if (uri.EndsWith("#child", StringComparison.Ordinal))
                {
                    childAliases.Add(code);
                }
            }
        }

        // caseSensitive absent: treated as case-sensitive, as nearly every code system is (codesystem.html#CodeSystem.caseSensitive).
        var caseSensitive = !codeSystem.TryGetProperty("caseSensitive", out var cs) || cs.ValueKind != JsonValueKind.False;
        var result = new CodeSystemContent(Text(codeSystem, "url") ?? "", Text(codeSystem, "version"), Text(codeSystem, "content"), caseSensitive, properties);
        if (codeSystem.TryGetProperty("concept", out var concepts) && concepts.ValueKind == JsonValueKind.Array)
        {
            result.AddConcepts(concepts, parent: null);
        }

        result.LinkPropertyHierarchy(parentAliases, childAliases);
        return result;
    }

    private void AddConcepts(JsonElement concepts, Concept? parent)
    {
        foreach (var item in concepts.EnumerateArray())
        {
            if (Text(item, "code") is not { } code || _concepts.ContainsKey(code))
            {
                continue;
            }

            var concept = new Concept(code, Text(item, "display"));
            _concepts[code] = concept;
            ReadDesignations(item, concept);
            ReadProperties(item, concept);
            if (parent is not null)
            {
                Link(parent, concept);
            }

            if (item.TryGetProperty("concept", out var nested) && nested.ValueKind == JsonValueKind.Array)
            {
                AddConcepts(nested, concept);
            }
        }
    }

    private void LinkPropertyHierarchy(HashSet<string> parentAliases, HashSet<string> childAliases)
    {
        foreach (var concept in _concepts.Values.ToList())
        {
            foreach (var (property, values) in concept.Properties)
            {
                var isParent = parentAliases.Contains(property);
                if (!isParent && !childAliases.Contains(property))
                {
                    continue;
                }

                foreach (var value in values)
                {
                    if (Find(value) is { } other)
                    {
                        Link(isParent ? other : concept, isParent ? concept : other);
                    }
                }
            }
        }
    }

    private static void Link(Concept parent, Concept child)
    {
        if (!parent.Children.Contains(child.Code))
        {
            parent.Children.Add(child.Code);
        }

        if (!child.Parents.Contains(parent.Code))
        {
            child.Parents.Add(parent.Code);
        }
    }

    private static void ReadDesignations(JsonElement item, Concept concept)
    {
        if (item.TryGetProperty("designation", out var designations) && designations.ValueKind == JsonValueKind.Array)
        {
            foreach (var designation in designations.EnumerateArray())
            {
                if (Text(designation, "value") is { } value)
                {
                    concept.Designations.Add(value);
                }
            }
        }
    }

    private static void ReadProperties(JsonElement item, Concept concept)
    {
        if (!item.TryGetProperty("property", out var properties) || properties.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var property in properties.EnumerateArray())
        {
            if (Text(property, "code") is not { } code)
            {
                continue;
            }

            foreach (var field in property.EnumerateObject())
            {
                if (!field.Name.StartsWith("value", StringComparison.Ordinal))
                {
                    continue;
                }

                var value = field.Value.ValueKind switch
                {
                    JsonValueKind.String => field.Value.GetString(),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    JsonValueKind.Number => field.Value.GetRawText(),
                    JsonValueKind.Object => Text(field.Value, "code"), // valueCoding
                    _ => null,
                };
                if (value is not null)
                {
                    concept.AddProperty(code, value);
                }
            }
        }
    }

    internal static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
