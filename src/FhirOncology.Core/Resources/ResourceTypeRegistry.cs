using Hl7.Fhir.Model;

namespace FhirOncology.Core.Resources;

/// <summary>
/// The resource types this server serves: the union of every <see cref="ServedResourceTypes"/> registered. The
/// engine is generic; the domain (FhirOncology.Oncology) decides which types it needs. Any other type, even a valid
/// R4 one, gets 404 "not supported" (http.html#3.1.0.3) and is absent from the CapabilityStatement.
/// </summary>
public sealed class ResourceTypeRegistry
{
    private readonly HashSet<string> _types;
    private readonly string[] _ordered;

    public ResourceTypeRegistry(IEnumerable<ServedResourceTypes> sources)
    {
        _types = new HashSet<string>(sources.SelectMany(source => source.Types), StringComparer.Ordinal);
        var unknown = _types.Where(type => !ModelInfo.IsKnownResource(type)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"Not FHIR R4 resource types: {string.Join(", ", unknown)}.");
        }

        _ordered = [.. _types.Order(StringComparer.Ordinal)];
    }

    /// <summary>Served types in ordinal order.</summary>
    public IReadOnlyCollection<string> All => _ordered;

    /// <summary>Case-sensitive, as resource type names are (http.html#3.1.0.1.1).</summary>
    public bool IsSupported(string type) => _types.Contains(type);
}
