using System.Collections.Concurrent;
using System.Text.Json;

namespace FhirOncology.Validation.Profiles;

/// <summary>
/// One snapshot element compiled for validation: its children by JSON name, its slices, and what an instance of it
/// must satisfy. Built once per StructureDefinition by <see cref="ProfileCompiler"/>; read-only afterwards.
/// </summary>
internal sealed class ElementNode
{
    private static readonly Dictionary<string, ElementNode> NoChildren = new(StringComparer.Ordinal);

    public required StructureProfile Owner { get; init; }

    public required string Path { get; init; }

    public required string Id { get; init; }

    /// <summary>Last path segment, e.g. <c>component</c> or <c>value[x]</c>.</summary>
    public required string Name { get; init; }

    public string? SliceName { get; init; }

    public int Min { get; init; }

    /// <summary><see cref="int.MaxValue"/> for <c>*</c>.</summary>
    public int Max { get; init; } = int.MaxValue;

    /// <summary>True when the base element repeats, so the JSON form is an array (json.html#arrays).</summary>
    public bool IsArray { get; init; }

    public List<TypeRef> Types { get; init; } = [];

    public bool IsChoice => Name.EndsWith("[x]", StringComparison.Ordinal);

    public bool IsModifier { get; init; }

    public int? MaxLength { get; init; }

    /// <summary><c>fixed[x]</c>: the instance must be exactly this (profiling.html#fixed).</summary>
    public JsonElement? Fixed { get; init; }

    /// <summary><c>pattern[x]</c>: the instance must contain at least this (profiling.html#pattern).</summary>
    public JsonElement? Pattern { get; init; }

    /// <summary><c>minValue[x]</c> / <c>maxValue[x]</c> (elementdefinition.html#minValue): numbers, dates and times, Quantity.</summary>
    public JsonElement? MinValue { get; init; }

    public JsonElement? MaxValue { get; init; }

    public BindingInfo? Binding { get; init; }

    public List<ConstraintInfo> Constraints { get; init; } = [];

    /// <summary><c>condition</c> ids of constraints defined elsewhere (an ancestor, the type) that must hold when the element is present.</summary>
    public List<string> Conditions { get; init; } = [];

    /// <summary>Patterns of the regex extension on the element or its types: a value's string form must match each entirely.</summary>
    public List<string> Regexes { get; init; } = [];

    public string? ContentReference { get; init; }

    public SlicingInfo? Slicing { get; set; }

    public List<ElementNode> Slices { get; } = [];

    /// <summary>Children keyed by element name (choice elements by their <c>[x]</c> name).</summary>
    public Dictionary<string, ElementNode> Children { get; private set; } = NoChildren;

    /// <summary>JSON property names of choice children (<c>valueQuantity</c>) to the element, chosen type code and the name.</summary>
    public Dictionary<string, (ElementNode Element, string TypeCode, string JsonName)> ChoiceNames { get; private set; } = new(StringComparer.Ordinal);

    /// <summary>For a choice element, its name without <c>[x]</c> (<c>value</c>).</summary>
    public string ChoicePrefix => field ??= IsChoice ? Name[..^3] : Name;

    public bool HasChildren => Children.Count > 0;

    /// <summary>Children in definition order; <see cref="Ordinal"/> is a child's position here.</summary>
    public List<ElementNode> ChildList { get; } = [];

    public int Ordinal { get; private set; }

    private ConcurrentDictionary<string, ElementNode?>? _discriminatorTargets;

    /// <summary>For a slice: the element each discriminator path leads to, found once (see SliceDefinitionNavigator).</summary>
    public ConcurrentDictionary<string, ElementNode?> DiscriminatorTargets =>
        LazyInitializer.EnsureInitialized(ref _discriminatorTargets, () => new ConcurrentDictionary<string, ElementNode?>(StringComparer.Ordinal));

    public void AddChild(ElementNode child)
    {
        if (ReferenceEquals(Children, NoChildren))
        {
            Children = new Dictionary<string, ElementNode>(StringComparer.Ordinal);
        }

        child.Ordinal = ChildList.Count;
        ChildList.Add(child);
        Children[child.Name] = child;
        if (child.IsChoice)
        {
            var prefix = child.ChoicePrefix;
            foreach (var type in child.Types)
            {
                var jsonName = prefix + char.ToUpperInvariant(type.Code[0]) + type.Code[1..];
                ChoiceNames[jsonName] = (child, type.Code, jsonName);
            }
        }
    }

    /// <summary>The single type code, or null when the element allows several types.</summary>
    public string? SingleTypeCode => Types.Count == 1 ? Types[0].Code : null;

    public override string ToString() => SliceName is null ? Id : $"{Id} (slice {SliceName})";
}
