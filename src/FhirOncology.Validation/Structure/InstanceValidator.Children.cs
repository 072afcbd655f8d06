using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using FhirOncology.Validation.Profiles;
using Hl7.Fhir.Model;

namespace FhirOncology.Validation.Structure;

/// <summary>
/// Children of an object: every JSON property must be a known element (json.html), in the right JSON shape
/// (array or not), and each element's occurrences must respect min/max (profiling.html#cardinality).
/// </summary>
internal sealed partial class InstanceValidator
{
    private void ValidateChildren(
        ValidationSession session, ElementNode source, JsonElement value, InstancePath path, ResourceScope scope, bool isResourceRoot, string hostType,
        string? hostPath = null)
    {
        var groups = new List<ValueItem>?[source.ChildList.Count];
        string? fullUrl = null;
        var hasContent = false;
        var sawShadow = false;
        Span<char> buffer = stackalloc char[128];
        foreach (var property in value.EnumerateObject())
        {
            // Element names are matched as spans decoded from the raw UTF-8: no string per property.
            var name = PropertyName(property, buffer);
            if (isResourceRoot && name.SequenceEqual("resourceType"))
            {
                continue;
            }

            if (!name.SequenceEqual("id"))
            {
                hasContent = true;
            }

            var isShadow = name.Length > 1 && name[0] == '_';
            sawShadow |= isShadow;
            var baseName = isShadow ? name[1..] : name;
            if (!Lookup(source, baseName, out var element, out var type, out var elementName, out var jsonName))
            {
                session.Error(path, OperationOutcome.IssueType.Structure,
                    name.SequenceEqual("resourceType")
                        ? "'resourceType' is only allowed at the root of a resource."
                        : $"Unknown element '{name}': {source.Path} has no such element{ChoiceHint(source, baseName.ToString())}.", source);
                continue;
            }

            if (isShadow && !PrimitiveTypes.IsPrimitive(type))
            {
                session.Error(path, OperationOutcome.IssueType.Structure, $"'{name}' is only allowed for primitive elements (json.html#primitive).", element);
                continue;
            }

            if (name.SequenceEqual("fullUrl") && property.Value.ValueKind == JsonValueKind.String)
            {
                fullUrl = property.Value.GetString();
            }

            var items = groups[element.Ordinal] ??= new List<ValueItem>(property.Value.ValueKind == JsonValueKind.Array ? property.Value.GetArrayLength() : 1);
            AddItems(session, items, element, property.Value, sawShadow ? isShadow : null, type, path, jsonName, elementName, new ItemHost(hostType, hostPath));
        }

        if (!hasContent && !isResourceRoot)
        {
            session.Error(path, OperationOutcome.IssueType.Invariant,
                "The element is empty (ele-1: all FHIR elements must have a @value or children; json.html: no empty objects).", source, "ele-1");
        }

        foreach (var child in source.ChildList)
        {
            var items = groups[child.Ordinal];
            CheckCardinality(session, child, items?.Count ?? 0, path, items);
            if (items is null)
            {
                foreach (var slice in child.Slices)
                {
                    CheckCardinality(session, slice, 0, path, null); // a required slice is missing when nothing is there at all
                }

                continue;
            }

            if (child.IsChoice && HasSeveralTypes(items))
            {
                session.Error(path, OperationOutcome.IssueType.Structure,
                    $"{child.Name} may appear with only one type, found {string.Join(", ", items.Select(i => i.Path.JsonName).Distinct(StringComparer.Ordinal))}.", child);
            }

            if (child.Slicing is not null && child.Slices.Count > 0)
            {
                _slices.Validate(session, child, items, scope);
                continue;
            }

            foreach (var item in items)
            {
                ValidateItem(session, child, item, scope, fullUrl);
            }
        }
    }

    internal static void CheckCardinality(ValidationSession session, ElementNode element, int count, InstancePath path, List<ValueItem>? items)
    {
        var label = element.SliceName is null ? element.Name : $"{element.Name}:{element.SliceName}";
        if (count < element.Min)
        {
            session.Error(path, OperationOutcome.IssueType.Required,
                $"{label}: at least {element.Min} required, found {count} (cardinality {element.Min}..{MaxText(element.Max)}).", element);
        }
        else if (count > element.Max)
        {
            var at = items is { Count: > 0 } ? items[Math.Min(element.Max, items.Count - 1)].Path : path;
            session.Error(at, OperationOutcome.IssueType.Structure,
                $"{label}: at most {MaxText(element.Max)} allowed, found {count} (cardinality {element.Min}..{MaxText(element.Max)}).", element);
        }
    }

    private static bool HasSeveralTypes(List<ValueItem> items)
    {
        foreach (var item in items)
        {
            if (item.Path.JsonName != items[0].Path.JsonName)
            {
                return true;
            }
        }

        return false;
    }

    private static string MaxText(int max) => max == int.MaxValue ? "*" : max.ToString(CultureInfo.InvariantCulture);

    private static bool Lookup(
        ElementNode source, ReadOnlySpan<char> name, out ElementNode element, out string type, out string elementName, out string jsonName)
    {
        if (source.Children.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out element!) && !element.IsChoice)
        {
            type = element.Types.Count > 0 ? element.Types[0].Code : "BackboneElement";
            elementName = jsonName = element.Name;
            return true;
        }

        if (source.ChoiceNames.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var choice))
        {
            element = choice.Element;
            type = choice.TypeCode;
            elementName = element.ChoicePrefix;
            jsonName = choice.JsonName;
            return true;
        }

        type = elementName = jsonName = "";
        return false;
    }

    /// <summary>The property name as characters, in <paramref name="buffer"/> when it fits (FHIR names are short ASCII).</summary>
    private static ReadOnlySpan<char> PropertyName(JsonProperty property, Span<char> buffer)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.Length > buffer.Length || raw.Contains((byte)'\\'))
        {
            return property.Name;
        }

        var length = Encoding.UTF8.GetChars(raw, buffer);
        return buffer[..length];
    }

    private static string ChoiceHint(ElementNode source, string name)
    {
        foreach (var child in source.Children.Values)
        {
            if (child.IsChoice && name.StartsWith(child.Name[..^3], StringComparison.Ordinal))
            {
                return $" (the type is not one {child.Name} allows: {string.Join(", ", child.Types.Select(t => t.Code))})";
            }
        }

        return "";
    }

    private static void AddItems(
        ValidationSession session, List<ValueItem> items, ElementNode element, JsonElement value, bool? shadow, string type,
        InstancePath parent, string jsonName, string elementName, ItemHost host)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            if (!element.IsArray)
            {
                session.Error(parent.Child(jsonName, elementName, -1), OperationOutcome.IssueType.Structure,
                    $"'{jsonName}' repeats at most once, so it must not be a JSON array (json.html#arrays).", element);
                return;
            }

            if (value.GetArrayLength() == 0)
            {
                session.Error(parent.Child(jsonName, elementName, -1), OperationOutcome.IssueType.Structure,
                    $"'{jsonName}' is an empty array; leave it out instead (json.html: no empty arrays).", element);
                return;
            }

            var index = 0;
            foreach (var entry in value.EnumerateArray())
            {
                Merge(session, items, shadow, entry, type, parent.Child(jsonName, elementName, index), host, element);
                index++;
            }

            return;
        }

        if (element.IsArray)
        {
            session.Error(parent.Child(jsonName, elementName, -1), OperationOutcome.IssueType.Structure,
                $"'{jsonName}' can repeat, so it must be a JSON array (json.html#arrays).", element);
            return;
        }

        Merge(session, items, shadow, value, type, parent.Child(jsonName, elementName, -1), host, element);
    }

    /// <summary>
    /// Pairs a primitive's value and its <c>_name</c> companion at the same position (json.html#primitive).
    /// <paramref name="shadow"/> is null while the object has shown no <c>_name</c> property: nothing to pair yet.
    /// </summary>
    private static void Merge(
        ValidationSession session, List<ValueItem> items, bool? shadow, JsonElement entry, string type, InstancePath path, ItemHost host,
        ElementNode element)
    {
        var isShadow = shadow == true;
        for (var i = 0; shadow is not null && i < items.Count; i++)
        {
            if (items[i].Path.Index == path.Index && items[i].Path.JsonName == path.JsonName)
            {
                items[i] = isShadow ? items[i] with { Shadow = NullToNone(entry) } : items[i] with { Value = NullToNone(entry) };
                CheckNotBothNull(session, items[i], element);
                return;
            }
        }

        var item = isShadow
            ? new ValueItem(null, NullToNone(entry), type, path, host.Type, host.Path)
            : new ValueItem(NullToNone(entry), null, type, path, host.Type, host.Path);
        if (entry.ValueKind == JsonValueKind.Null && !PrimitiveTypes.IsPrimitive(type))
        {
            session.Error(path, OperationOutcome.IssueType.Structure, "null is not allowed here (json.html: null only pads primitive arrays).", element);
            return;
        }

        items.Add(item);
    }

    private static void CheckNotBothNull(ValidationSession session, ValueItem item, ElementNode element)
    {
        if (item.Value is null && item.Shadow is null)
        {
            session.Error(item.Path, OperationOutcome.IssueType.Structure, "Both the value and its '_' companion are null.", element);
        }
    }

    private static JsonElement? NullToNone(JsonElement entry) => entry.ValueKind == JsonValueKind.Null ? null : entry;
}
