using System.Globalization;
using System.Text.Json;

namespace FhirOncology.Validation.Profiles;

/// <summary>One snapshot element read into an <see cref="ElementNode"/>: cardinality, types, values, rules.</summary>
internal static partial class ProfileCompiler
{
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

        var constraints = ReadConstraints(element);
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
            Constraints = constraints,
            Conditions = ReadConditions(element, constraints),
            Regexes = ReadRegexes(element),
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

    /// <summary>
    /// <c>condition</c> ids (elementdefinition-definitions.html#ElementDefinition.condition) naming constraints defined
    /// elsewhere — on an ancestor or the element's type; ids of the element's own constraints (ele-1 and the like)
    /// are left out, their failures are reported at the element already.
    /// </summary>
    private static List<string> ReadConditions(JsonElement element, List<ConstraintInfo> constraints)
    {
        var conditions = new List<string>();
        if (element.TryGetProperty("condition", out var array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in array.EnumerateArray())
            {
                if (item.GetString() is { } key && !constraints.Exists(c => c.Key == key))
                {
                    conditions.Add(key);
                }
            }
        }

        return conditions;
    }

    /// <summary>
    /// The regex extension (<c>http://hl7.org/fhir/StructureDefinition/regex</c>) on the element or on its types: the
    /// string form of a value must match it entirely.
    /// </summary>
    private static List<string> ReadRegexes(JsonElement element)
    {
        var regexes = new List<string>();
        AddRegexes(element, regexes);
        if (element.TryGetProperty("type", out var types) && types.ValueKind == JsonValueKind.Array)
        {
            foreach (var type in types.EnumerateArray())
            {
                AddRegexes(type, regexes);
            }
        }

        return regexes;
    }

    private static void AddRegexes(JsonElement holder, List<string> regexes)
    {
        if (holder.TryGetProperty("extension", out var extensions) && extensions.ValueKind == JsonValueKind.Array)
        {
            foreach (var extension in extensions.EnumerateArray())
            {
                if (Text(extension, "url") == RegexExtension && Text(extension, "valueString") is { } regex && !regexes.Contains(regex))
                {
                    regexes.Add(regex);
                }
            }
        }
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
}
