using System.Text.Json;

namespace FhirOncology.Validation.Structure;

/// <summary>
/// The entries of one Bundle by fullUrl (bundle.html#references: references between entries resolve against fullUrl,
/// a relative one after being made absolute with the referring entry's base), and by location, so a resource
/// reached through a reference can be validated as the entry it is.
/// </summary>
internal sealed class BundleIndex
{
    private readonly Dictionary<string, List<BundleEntry>> _byFullUrl = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BundleEntry> _byLocation = new(StringComparer.Ordinal);
    private Dictionary<string, BundleEntry>? _byCanonical;

    private BundleIndex(ResourceScope owner, string? type)
    {
        Owner = owner;
        Type = type;
    }

    /// <summary>The Bundle itself.</summary>
    public ResourceScope Owner { get; }

    /// <summary><c>Bundle.type</c>: transaction, collection, document…</summary>
    public string? Type { get; }

    /// <summary>Conditional references are resolved by the server only in a transaction (http.html#trules).</summary>
    public bool IsTransaction => Type == "transaction";

    public static BundleIndex Build(ResourceScope bundle)
    {
        var type = bundle.Resource.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var index = new BundleIndex(bundle, type);
        if (!bundle.Resource.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
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

            var path = bundle.Path.Child("entry", "entry", position).Child("resource", "resource", -1);
            var fullUrl = entry.TryGetProperty("fullUrl", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
            var item = new BundleEntry(resource, path, fullUrl, VersionId(resource), index);
            index._byLocation[path.ToString()] = item;
            if (fullUrl is not null)
            {
                if (!index._byFullUrl.TryGetValue(fullUrl, out var list))
                {
                    index._byFullUrl[fullUrl] = list = new List<BundleEntry>(1);
                }

                list.Add(item); // several only in a history Bundle (bdl-7): one per version
            }
        }

        return index;
    }

    /// <summary>The entries whose fullUrl is exactly <paramref name="fullUrl"/> (empty when none).</summary>
    public IReadOnlyList<BundleEntry> Find(string fullUrl) => _byFullUrl.TryGetValue(fullUrl, out var list) ? list : [];

    public BundleEntry? At(string location) => _byLocation.GetValueOrDefault(location);

    /// <summary>The entry whose resource has this canonical <c>url</c> (indexed on first use: canonical elements are rare).</summary>
    public BundleEntry? FindCanonical(string url)
    {
        if (_byCanonical is null)
        {
            _byCanonical = new Dictionary<string, BundleEntry>(StringComparer.Ordinal);
            foreach (var entry in _byLocation.Values)
            {
                if (entry.Resource.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String)
                {
                    _byCanonical.TryAdd(u.GetString()!, entry);
                }
            }
        }

        return _byCanonical.GetValueOrDefault(url);
    }

    private static string? VersionId(JsonElement resource) =>
        resource.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object
        && meta.TryGetProperty("versionId", out var version) && version.ValueKind == JsonValueKind.String
            ? version.GetString()
            : null;
}
