using System.Text.Json;

namespace FhirOncology.Validation.Structure;

/// <summary>
/// Bundle entries by fullUrl and by <c>Type/id</c>, so references between entries resolve (bundle.html#references:
/// a relative reference is resolved against the fullUrl's base; here matched on its <c>Type/id</c> tail).
/// </summary>
internal static class BundleIndex
{
    public static Dictionary<string, (JsonElement Resource, InstancePath Path)> Build(JsonElement bundle, InstancePath bundlePath)
    {
        var index = new Dictionary<string, (JsonElement Resource, InstancePath Path)>(StringComparer.Ordinal);
        if (!bundle.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
        {
            return index;
        }

        var position = -1;
        foreach (var entry in entries.EnumerateArray())
        {
            position++;
            if (entry.ValueKind != JsonValueKind.Object
                || !entry.TryGetProperty("resource", out var resource) || resource.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var path = bundlePath.Child("entry", "entry", position).Child("resource", "resource", -1);
            if (entry.TryGetProperty("fullUrl", out var fullUrl) && fullUrl.ValueKind == JsonValueKind.String)
            {
                index.TryAdd(fullUrl.GetString()!, (resource, path));
            }

            if (resource.TryGetProperty("resourceType", out var type) && type.ValueKind == JsonValueKind.String
                && resource.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
            {
                index.TryAdd($"{type.GetString()}/{id.GetString()}", (resource, path));
            }
        }

        return index;
    }
}
