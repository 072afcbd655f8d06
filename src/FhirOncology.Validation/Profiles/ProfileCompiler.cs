using System.Text.Json;

namespace FhirOncology.Validation.Profiles;

/// <summary>
/// Compiles the snapshot of a StructureDefinition (read straight from its JSON) into a tree of
/// <see cref="ElementNode"/>: children under their parent, slices under the sliced element, re-slices
/// (<c>a/b</c>, profiling.html#reslicing) under their parent slice.
/// </summary>
internal static partial class ProfileCompiler
{
    private const string SystemTypePrefix = "http://hl7.org/fhirpath/System.";
    private const string FhirTypeExtension = "http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type";
    private const string RegexExtension = "http://hl7.org/fhir/StructureDefinition/regex";

    public static StructureProfile? Compile(JsonElement definition)
    {
        if (!definition.TryGetProperty("snapshot", out var snapshot)
            || !snapshot.TryGetProperty("element", out var elementArray)
            || elementArray.GetArrayLength() == 0)
        {
            return null;
        }

        var profile = new StructureProfile
        {
            Url = Text(definition, "url") ?? "",
            Type = Text(definition, "type") ?? "",
            Kind = Text(definition, "kind") ?? "",
            Derivation = Text(definition, "derivation"),
            IsAbstract = definition.TryGetProperty("abstract", out var isAbstract) && isAbstract.ValueKind == JsonValueKind.True,
            Contexts = ReadContexts(definition),
            ContextInvariants = ReadContextInvariants(definition),
        };
        var elements = elementArray.EnumerateArray().ToList();
        profile.Root = Create(profile, elements[0]);
        var index = 1;
        BuildChildren(profile, profile.Root, elements, ref index);
        return profile;
    }

    private static void BuildChildren(StructureProfile profile, ElementNode parent, List<JsonElement> elements, ref int index)
    {
        var prefix = parent.Path + ".";
        while (index < elements.Count)
        {
            var path = Text(elements[index], "path") ?? "";
            if (!path.StartsWith(prefix, StringComparison.Ordinal))
            {
                return;
            }

            if (path.IndexOf('.', prefix.Length) >= 0)
            {
                index++; // a grandchild without its parent: not a well-formed snapshot, ignore the element
                continue;
            }

            var node = Create(profile, elements[index]);
            index++;
            if (node.SliceName is not null && parent.Children.TryGetValue(node.Name, out var sliced))
            {
                SliceOwner(sliced, node.SliceName).Slices.Add(node);
            }
            else
            {
                parent.AddChild(node);
            }

            BuildChildren(profile, node, elements, ref index);
        }
    }

    /// <summary>The element a slice belongs to: the sliced element, or for a re-slice <c>a/b</c> the slice <c>a</c>.</summary>
    private static ElementNode SliceOwner(ElementNode sliced, string sliceName)
    {
        var slash = sliceName.LastIndexOf('/');
        if (slash < 0)
        {
            return sliced;
        }

        var parentName = sliceName[..slash];
        var parentSlice = FindSlice(sliced, parentName);
        return parentSlice ?? sliced;
    }

    private static ElementNode? FindSlice(ElementNode sliced, string sliceName)
    {
        foreach (var slice in sliced.Slices)
        {
            if (slice.SliceName == sliceName)
            {
                return slice;
            }

            if (FindSlice(slice, sliceName) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }

    private static List<ExtensionContext> ReadContexts(JsonElement definition)
    {
        var contexts = new List<ExtensionContext>();
        if (definition.TryGetProperty("context", out var array))
        {
            foreach (var context in array.EnumerateArray())
            {
                contexts.Add(new ExtensionContext(Text(context, "type") ?? "element", Text(context, "expression") ?? ""));
            }
        }

        return contexts;
    }

    private static List<ExtensionContext> ReadContextInvariants(JsonElement definition) =>
        Strings(definition, "contextInvariant").Select(expression => new ExtensionContext("fhirpath", expression)).ToList();

    private static List<string> Strings(JsonElement element, string name)
    {
        var result = new List<string>();
        if (element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in array.EnumerateArray())
            {
                if (item.GetString() is { } text)
                {
                    result.Add(text);
                }
            }
        }

        return result;
    }

    internal static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
