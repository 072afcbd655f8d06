using System.Runtime.InteropServices;
using System.Text.Json;
using FhirOncology.Validation.Structure;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Validation;

namespace FhirOncology.Validation.Invariants;

/// <summary>
/// The instance as Firely POCOs, for the FHIRPath the SDK must evaluate: parsed leniently (Ostrich mode: the JSON walk
/// already reported every structural problem), only when asked, and once per validation. A Bundle is not parsed as a
/// whole: each entry's resource is a unit of its own (bundle.html: entries are independent resources), parsed from its
/// own UTF-8 span the first time an invariant inside it needs it, so one invariant in one entry costs one entry's parse.
/// Nodes are found from their cached parent, so each is navigated to once however many invariants sit on it.
/// </summary>
internal sealed class PocoCache(JsonElement root)
{
    private static readonly BaseFhirJsonDeserializer Parser = new(
        ModelInfo.ModelInspector, new DeserializerSettings().UsingMode(DeserializationMode.Ostrich, NarrativeValidationKind.None));

    private readonly Dictionary<string, PocoNode?> _units = new(StringComparer.Ordinal);
    private readonly Dictionary<InstancePath, (int Depth, PocoNode? Root)> _unitOfResource = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<InstancePath, PocoNode?> _nodes = new(ReferenceEqualityComparer.Instance);

    /// <summary>How many units were parsed (tests check a Bundle entry is parsed alone, and once).</summary>
    public int Parses { get; private set; }

    /// <summary>
    /// The POCO node at <paramref name="path"/>, which lies in (or is) the resource at <paramref name="resourcePath"/>;
    /// null when that resource cannot be read as FHIR or the lenient parse dropped the node.
    /// </summary>
    public PocoNode? Node(InstancePath path, InstancePath resourcePath)
    {
        var (depth, unit) = UnitFor(resourcePath);
        return unit is null ? null : Navigate(path, depth, unit);
    }

    /// <summary>True when the resource at the path could not be parsed into a POCO at all.</summary>
    public bool IsUnreadable(InstancePath resourcePath) => UnitFor(resourcePath).Root is null;

    /// <summary>The unit a resource lies in, remembered per resource path object (one per resource in a walk).</summary>
    private (int Depth, PocoNode? Root) UnitFor(InstancePath resourcePath)
    {
        if (!_unitOfResource.TryGetValue(resourcePath, out var unit))
        {
            var unitPath = UnitOf(resourcePath);
            unit = (unitPath.Depth, Unit(unitPath));
            _unitOfResource[resourcePath] = unit;
        }

        return unit;
    }

    /// <summary>
    /// The deepest Bundle entry resource (<c>….entry[n].resource</c>) at or above a resource, else the root. Only
    /// Bundle.entry has a <c>resource</c> child, so the path alone tells where an entry begins.
    /// </summary>
    internal static InstancePath UnitOf(InstancePath resourcePath)
    {
        for (var node = resourcePath; node.Parent is { } parent; node = parent)
        {
            if (node.JsonName == "resource" && node.Index < 0 && parent.JsonName == "entry" && parent.Index >= 0)
            {
                return node;
            }
        }

        return resourcePath.AtDepth(0);
    }

    private PocoNode? Unit(InstancePath unitPath)
    {
        var key = unitPath.ToString();
        if (!_units.TryGetValue(key, out var unit))
        {
            unit = Parse(unitPath);
            _units[key] = unit;
        }

        return unit;
    }

    private PocoNode? Navigate(InstancePath path, int unitDepth, PocoNode unit)
    {
        if (path.Depth == unitDepth)
        {
            return unit;
        }

        if (_nodes.TryGetValue(path, out var cached))
        {
            return cached;
        }

        var parent = Navigate(path.Parent!, unitDepth, unit);
        var node = parent is null ? null : ChildAt(parent, path.ElementName, path.Index);
        _nodes[path] = node;
        return node;
    }

    private static PocoNode? ChildAt(PocoNode parent, string name, int index)
    {
        var children = parent.Child(name);
        if (children is null)
        {
            return null;
        }

        var position = Math.Max(index, 0);
        if (children is PocoListNode list)
        {
            return position < list.Pocos.Count ? list[position] : null;
        }

        return position == 0 ? children.FirstOrDefault() : null;
    }

    private PocoNode? Parse(InstancePath unitPath)
    {
        if (Json(unitPath) is not { ValueKind: JsonValueKind.Object } resource)
        {
            return null;
        }

        Parses++;
        try
        {
            var reader = new Utf8JsonReader(JsonMarshal.GetRawUtf8Value(resource));
            return Parser.DeserializeResource(ref reader).ToPocoNode();
        }
        catch (DeserializationFailedException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The JSON at a path, by JSON names and array positions from the root.</summary>
    private JsonElement? Json(InstancePath path)
    {
        var node = root;
        foreach (var segment in path.Segments())
        {
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(segment.JsonName, out var child))
            {
                return null;
            }

            if (segment.Index >= 0)
            {
                if (child.ValueKind != JsonValueKind.Array || segment.Index >= child.GetArrayLength())
                {
                    return null;
                }

                child = child[segment.Index];
            }

            node = child;
        }

        return node;
    }
}
