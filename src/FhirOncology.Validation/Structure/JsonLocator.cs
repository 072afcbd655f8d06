using System.Text.Json;

namespace FhirOncology.Validation.Structure;

/// <summary>
/// Finds the JSON of a location inside a resource by its path (JSON names and positions), for the rare checks that need
/// a node the walk has passed (the element holding an extension, for fhirpath contexts). A primitive known only by its
/// <c>_name</c> companion is found as that companion, as FHIRPath navigation on JSON finds it.
/// </summary>
internal static class JsonLocator
{
    /// <summary>The JSON at <paramref name="path"/>, a location at or below <paramref name="scope"/>'s resource; undefined when absent.</summary>
    public static JsonElement Find(ResourceScope scope, InstancePath path)
    {
        var node = scope.Resource;
        for (var depth = scope.Path.Depth + 1; depth <= path.Depth; depth++)
        {
            var segment = path.AtDepth(depth);
            if (node.ValueKind != JsonValueKind.Object
                || !(Step(node, segment.JsonName, segment.Index, out var next) || Step(node, "_" + segment.JsonName, segment.Index, out next)))
            {
                return default;
            }

            node = next;
        }

        return node;
    }

    private static bool Step(JsonElement node, string name, int index, out JsonElement next)
    {
        next = default;
        if (!node.TryGetProperty(name, out var child))
        {
            return false;
        }

        if (index >= 0)
        {
            if (child.ValueKind != JsonValueKind.Array || index >= child.GetArrayLength())
            {
                return false;
            }

            child = child[index];
        }

        next = child;
        return child.ValueKind != JsonValueKind.Null;
    }
}
