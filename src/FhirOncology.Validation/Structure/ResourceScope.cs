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

    /// <summary>The entries of the Bundle this resource is, when it is one.</summary>
    public BundleIndex? Bundle { get; set; }

    /// <summary>The fullUrl of this resource when it is a Bundle entry.</summary>
    public string? FullUrl { get; init; }

    /// <summary>The fullUrl of the entry this resource is or is inside (a contained resource: its container's).</summary>
    public string? EntryFullUrl
    {
        get
        {
            for (var scope = this; scope is not null; scope = scope.Parent)
            {
                if (scope.FullUrl is not null || scope.Bundle is not null)
                {
                    return scope.FullUrl;
                }
            }

            return null;
        }
    }

    /// <summary>The Bundles enclosing this resource (or that it is), nearest first.</summary>
    public IEnumerable<BundleIndex> Bundles()
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope.Bundle is { } bundle)
            {
                yield return bundle;
            }
        }
    }

    /// <summary>The resource that holds contained resources: for a contained resource, its container.</summary>
    public ResourceScope Container => IsContained && Parent is not null ? Parent.Container : this;

    public bool TryGetContained(string id, out (JsonElement Resource, InstancePath Path) resource)
    {
        var container = Container;
        container._contained ??= IndexContained(container.Resource, container.Path);
        return container._contained.TryGetValue(id, out resource);
    }

    /// <summary>The Bundle entry at a location, when the resource there is one of an enclosing Bundle's entries.</summary>
    public BundleEntry? EntryAt(InstancePath path)
    {
        var location = path.ToString();
        foreach (var bundle in Bundles())
        {
            if (bundle.At(location) is { } entry)
            {
                return entry;
            }
        }

        return null;
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
