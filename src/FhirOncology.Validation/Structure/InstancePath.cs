using System.Globalization;
using System.Text;

namespace FhirOncology.Validation.Structure;

/// <summary>
/// The location of a node in the instance, kept as a parent chain and rendered only when an issue needs it,
/// as the FHIRPath the spec uses in OperationOutcome.issue.expression: <c>Observation.component[3].valueQuantity</c>.
/// The JSON name (with the choice type suffix) is shown; the element name (<c>value</c>) is kept for navigation.
/// </summary>
internal sealed class InstancePath
{
    private InstancePath(InstancePath? parent, string jsonName, string elementName, int index)
    {
        Parent = parent;
        JsonName = jsonName;
        ElementName = elementName;
        Index = index;
        Depth = parent is null ? 0 : parent.Depth + 1;
    }

    public InstancePath? Parent { get; }

    public string JsonName { get; }

    public string ElementName { get; }

    /// <summary>Position in a repeating element, or -1 for a single-valued one.</summary>
    public int Index { get; }

    /// <summary>Segments below the root: two paths to the same location have the same depth.</summary>
    public int Depth { get; }

    /// <summary>The ancestor-or-self at <paramref name="depth"/>.</summary>
    public InstancePath AtDepth(int depth)
    {
        var node = this;
        while (node.Depth > depth)
        {
            node = node.Parent!;
        }

        return node;
    }

    public static InstancePath Root(string resourceType) => new(null, resourceType, resourceType, -1);

    public InstancePath Child(string jsonName, string elementName, int index) => new(this, jsonName, elementName, index);

    public InstancePath WithIndex(int index) => new(Parent, JsonName, ElementName, index);

    /// <summary>Segments from the root (excluded) to this node.</summary>
    public List<InstancePath> Segments()
    {
        var segments = new List<InstancePath>();
        for (var node = this; node.Parent is not null; node = node.Parent)
        {
            segments.Add(node);
        }

        segments.Reverse();
        return segments;
    }

    public override string ToString()
    {
        var builder = new StringBuilder();
        Append(builder);
        return builder.ToString();
    }

    private void Append(StringBuilder builder)
    {
        if (Parent is not null)
        {
            Parent.Append(builder);
            builder.Append('.');
        }

        builder.Append(JsonName);
        if (Index >= 0)
        {
            builder.Append('[').Append(Index.ToString(CultureInfo.InvariantCulture)).Append(']');
        }
    }
}
