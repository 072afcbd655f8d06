using System.Text.Json;

namespace FhirOncology.Validation.Structure;

/// <summary>
/// A resource being validated and what references inside it can resolve to: its contained resources
/// (references.html#contained) and, inside a Bundle, the other entries by fullUrl (bundle.html#references).
/// </summary>
internal sealed class ResourceScope
{
    private Dictionary<string, (JsonElement Resource, InstancePath Path)>? _contained;

    public ResourceScope(JsonElement resource, string resourceType, InstancePath path, ResourceScope? parent, bool isContained)
    {
        Resource = resource;
        ResourceType = resourceType;
        Path = path;
        Parent = parent;
        IsContained = isContained;
    }

    public JsonElement Resource { get; }

    public string ResourceType { get; }

    public InstancePath Path { get; }

    public ResourceScope? Parent { get; }

    public bool IsContained { get; }

    /// <summary>Entries of the Bundle this resource is (the root of), by fullUrl and by <c>Type/id</c>.</summary>
    public Dictionary<string, (JsonElement Resource, InstancePath Path)>? BundleEntries { get; set; }

    /// <summary>The fullUrl of this resource when it is a Bundle entry.</summary>
    public string? FullUrl { get; init; }

    /// <summary>The resource that holds contained resources: for a contained resource, its container.</summary>
    public ResourceScope Container => IsContained && Parent is not null ? Parent.Container : this;

    public bool TryGetContained(string id, out (JsonElement Resource, InstancePath Path) resource)
    {
        var container = Container;
        container._contained ??= IndexContained(container.Resource, container.Path);
        return container._contained.TryGetValue(id, out resource);
    }

    /// <summary>Finds a Bundle entry by reference: absolute (fullUrl) or relative <c>Type/id</c>.</summary>
    public bool TryGetBundleEntry(string reference, out (JsonElement Resource, InstancePath Path) resource)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope.BundleEntries is { } entries && entries.TryGetValue(reference, out resource))
            {
                return true;
            }
        }

        resource = default;
        return false;
    }

    private static Dictionary<string, (JsonElement, InstancePath)> IndexContained(JsonElement resource, InstancePath path)
    {
        var index = new Dictionary<string, (JsonElement, InstancePath)>(StringComparer.Ordinal);
        if (resource.TryGetProperty("contained", out var contained) && contained.ValueKind == JsonValueKind.Array)
        {
            var position = 0;
            foreach (var item in contained.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
                {
                    index.TryAdd(id.GetString()!, (item, path.Child("contained", "contained", position)));
                }

                position++;
            }
        }

        return index;
    }
}
