using System.Collections.Concurrent;
using FhirOncology.Validation.Packages;

namespace FhirOncology.Validation.Profiles;

/// <summary>
/// Compiled StructureDefinitions by canonical URL, compiled on first use and kept ("compile once, run many").
/// </summary>
internal sealed class ProfileRegistry(ConformanceSource source)
{
    public const string CoreBase = "http://hl7.org/fhir/StructureDefinition/";

    private readonly ConcurrentDictionary<string, Lazy<StructureProfile?>> _profiles = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StructureProfile?> _types = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _resourceTypes = new(StringComparer.Ordinal);

    public ConformanceSource Source => source;

    /// <summary>The compiled profile, or null when the canonical is unknown or has no snapshot.</summary>
    public StructureProfile? Get(string canonical) =>
        _profiles.GetOrAdd(ConformanceSource.StripVersion(canonical), static (url, src) => new Lazy<StructureProfile?>(() =>
            src.TryGet(url, out var artifact) && artifact.Entry.ResourceType == "StructureDefinition"
                ? ProfileCompiler.Compile(artifact.Json)
                : null), source).Value;

    /// <summary>The core definition of a FHIR type or resource type (<c>Observation</c>, <c>CodeableConcept</c>).</summary>
    public StructureProfile? GetType(string typeCode) =>
        _types.TryGetValue(typeCode, out var known) ? known : _types.GetOrAdd(typeCode, Get(CoreBase + typeCode));

    /// <summary>True for a concrete or abstract resource type name (<c>Observation</c>, <c>Resource</c>).</summary>
    public bool IsResourceType(string typeCode) =>
        _resourceTypes.TryGetValue(typeCode, out var known)
            ? known
            : _resourceTypes.GetOrAdd(typeCode, source.TryGet(CoreBase + typeCode, out var artifact) && artifact.Entry.Kind == "resource");

    /// <summary>The type a profile constrains, read from the package index without compiling it.</summary>
    public string? TypeOf(string canonical) =>
        source.TryGet(canonical, out var artifact) && artifact.Entry.ResourceType == "StructureDefinition"
            ? artifact.Entry.Type ?? Get(canonical)?.Type
            : null;
}
