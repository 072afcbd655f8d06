using System.Globalization;
using System.Text.Json;

namespace FhirOncology.Validation.Profiles;

/// <summary>
/// Compiles the snapshot of a StructureDefinition (read straight from its JSON) into a tree of
/// <see cref="ElementNode"/>: children under their parent, slices under the sliced element, re-slices
/// (<c>a/b</c>, profiling.html#reslicing) under their parent slice.
/// </summary>
internal static class ProfileCompiler
{
    private const string SystemTypePrefix = "http://hl7.org/fhirpath/System.";
    private const string FhirTypeExtension = "http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type";

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

    private static ElementNode Create(StructureProfile profile, JsonElement element)
    {
        var path = Text(element, "path") ?? "";
        var max = ParseMax(Text(element, "max"));
        var baseMax = element.TryGetProperty("base", out var baseElement) ? ParseMax(Text(baseElement, "max")) : max;
        JsonElement? fixedValue = null, patternValue = null, minValue = null, maxValue = null;
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.StartsWith("fixed", StringComparison.Ordinal))
            {
                fixedValue = property.Value.Clone();
            }
            else if (property.Name.StartsWith("pattern", StringComparison.Ordinal))
            {
                patternValue = property.Value.Clone();
            }
            else if (property.Name.StartsWith("minValue", StringComparison.Ordinal))
            {
                minValue = property.Value.Clone();
            }
            else if (property.Name.StartsWith("maxValue", StringComparison.Ordinal))
            {
                maxValue = property.Value.Clone();
            }
        }

        var node = new ElementNode
        {
            Owner = profile,
            Path = path,
            Id = Text(element, "id") ?? path,
            Name = path[(path.LastIndexOf('.') + 1)..],
            SliceName = Text(element, "sliceName"),
            Min = element.TryGetProperty("min", out var min) && min.ValueKind == JsonValueKind.Number ? min.GetInt32() : 0,
            Max = max,
            IsArray = baseMax > 1,
            Types = ReadTypes(element),
            IsModifier = element.TryGetProperty("isModifier", out var modifier) && modifier.ValueKind == JsonValueKind.True,
            MaxLength = element.TryGetProperty("maxLength", out var maxLength) && maxLength.ValueKind == JsonValueKind.Number
                ? maxLength.GetInt32() : null,
            Fixed = fixedValue,
            Pattern = patternValue,
            MinValue = minValue,
            MaxValue = maxValue,
            Binding = ReadBinding(element),
            Constraints = ReadConstraints(element),
            ContentReference = Text(element, "contentReference") is { } reference ? reference[(reference.IndexOf('#') + 1)..] : null,
            Slicing = ReadSlicing(element),
        };
        profile.ElementsById.TryAdd(node.Id, node);
        if (node.SliceName is null)
        {
            profile.ElementsById.TryAdd(path, node);
        }

        return node;
    }

    private static int ParseMax(string? max) =>
        max is null or "*" ? int.MaxValue : int.Parse(max, NumberStyles.None, CultureInfo.InvariantCulture);

    private static List<TypeRef> ReadTypes(JsonElement element)
    {
        var types = new List<TypeRef>();
        if (!element.TryGetProperty("type", out var typeArray))
        {
            return types;
        }

        foreach (var type in typeArray.EnumerateArray())
        {
            var code = Text(type, "code") ?? "";
            if (code.StartsWith(SystemTypePrefix, StringComparison.Ordinal))
            {
                // R4 snapshots type Element.id, Extension.url and primitive values with FHIRPath system types and
                // name the FHIR type in an extension (extension-structuredefinition-fhir-type).
                code = FhirTypeOf(type) ?? code[SystemTypePrefix.Length..].ToLowerInvariant();
            }

            types.Add(new TypeRef(code, Strings(type, "profile"), Strings(type, "targetProfile")));
        }

        return types;
    }

    private static string? FhirTypeOf(JsonElement type)
    {
        if (!type.TryGetProperty("extension", out var extensions))
        {
            return null;
        }

        foreach (var extension in extensions.EnumerateArray())
        {
            if (Text(extension, "url") == FhirTypeExtension)
            {
                return Text(extension, "valueUrl") ?? Text(extension, "valueUri") ?? Text(extension, "valueString");
            }
        }

        return null;
    }

    private static BindingInfo? ReadBinding(JsonElement element) =>
        element.TryGetProperty("binding", out var binding) && Text(binding, "valueSet") is { } valueSet
            ? new BindingInfo(Text(binding, "strength") ?? "example", valueSet)
            : null;

    private static List<ConstraintInfo> ReadConstraints(JsonElement element)
    {
        var constraints = new List<ConstraintInfo>();
        if (!element.TryGetProperty("constraint", out var array))
        {
            return constraints;
        }

        foreach (var constraint in array.EnumerateArray())
        {
            if (Text(constraint, "key") is { } key && Text(constraint, "expression") is { } expression)
            {
                constraints.Add(new ConstraintInfo(
                    key, Text(constraint, "severity") != "warning", Text(constraint, "human") ?? key, expression, Text(constraint, "source")));
            }
        }

        return constraints;
    }

    private static SlicingInfo? ReadSlicing(JsonElement element)
    {
        if (!element.TryGetProperty("slicing", out var slicing))
        {
            return null;
        }

        var discriminators = new List<DiscriminatorInfo>();
        if (slicing.TryGetProperty("discriminator", out var array))
        {
            foreach (var discriminator in array.EnumerateArray())
            {
                discriminators.Add(new DiscriminatorInfo(Text(discriminator, "type") ?? "value", Text(discriminator, "path") ?? "$this"));
            }
        }

        var ordered = slicing.TryGetProperty("ordered", out var o) && o.ValueKind == JsonValueKind.True;
        return new SlicingInfo(discriminators, ordered, Text(slicing, "rules") ?? "open");
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
