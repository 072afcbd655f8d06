using System.Text.Json.Nodes;
using FhirOncology.Validation.Profiles;

namespace FhirOncology.Validation.Tests.Mutations;

/// <summary>
/// Walks an instance alongside its profile (the element's own children when the snapshot expands them, else its type)
/// and lists every occurrence with its definition, in document order, with the validator's location syntax.
/// </summary>
internal sealed class TargetCollector(ProfileRegistry profiles)
{
    public List<InstanceTarget> Collect(JsonObject resource, StructureProfile profile)
    {
        var targets = new List<InstanceTarget>();
        Walk(resource, profile.Root, profile.Type, targets, depth: 0);
        return targets;
    }

    private void Walk(JsonObject value, ElementNode source, string location, List<InstanceTarget> targets, int depth)
    {
        if (depth > 12)
        {
            return;
        }

        foreach (var (name, node) in value.ToList())
        {
            if (name.StartsWith('_') || name == "resourceType" || !Lookup(source, name, out var definition, out var type))
            {
                continue;
            }

            if (node is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    Add(value, name, i, array[i], $"{location}.{name}[{i}]", location, definition, type, targets, depth);
                }
            }
            else
            {
                Add(value, name, -1, node, $"{location}.{name}", location, definition, type, targets, depth);
            }
        }
    }

    private void Add(
        JsonObject parent, string name, int index, JsonNode? node, string location, string parentLocation, ElementNode definition, string type,
        List<InstanceTarget> targets, int depth)
    {
        targets.Add(new InstanceTarget(parent, name, index, node, location, parentLocation, definition, type));
        if (node is JsonObject child && !profiles.IsResourceType(type) && type != "Resource")
        {
            var source = definition.HasChildren
                ? definition
                : definition.Types.SelectMany(t => t.Profiles).Select(profiles.Get).FirstOrDefault(p => p is not null)?.Root
                  ?? profiles.GetType(type)?.Root;
            if (source is not null)
            {
                Walk(child, source, location, targets, depth + 1);
            }
        }
    }

    private static bool Lookup(ElementNode source, string name, out ElementNode definition, out string type)
    {
        if (source.Children.TryGetValue(name, out definition!) && !definition.IsChoice)
        {
            type = definition.Types.Count > 0 ? definition.Types[0].Code : "BackboneElement";
            return true;
        }

        if (source.ChoiceNames.TryGetValue(name, out var choice))
        {
            (definition, type, _) = choice;
            return true;
        }

        type = "";
        return false;
    }
}
