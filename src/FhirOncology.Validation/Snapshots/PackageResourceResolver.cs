using FhirOncology.Validation.Packages;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Validation;

namespace FhirOncology.Validation.Snapshots;

/// <summary>
/// Gives the Firely SnapshotGenerator the conformance resources of a <see cref="ConformanceSource"/> as POCOs,
/// parsed leniently on demand. Only used while building snapshots of our own differential profiles.
/// </summary>
internal sealed class PackageResourceResolver(ConformanceSource source) : IResourceResolver
{
    private static readonly BaseFhirJsonDeserializer Parser = new(
        ModelInfo.ModelInspector, new DeserializerSettings().UsingMode(DeserializationMode.Recoverable, NarrativeValidationKind.None));

    private readonly Dictionary<string, Resource?> _parsed = new(StringComparer.Ordinal);

    public Resource? ResolveByUri(string uri) => ResolveByCanonicalUri(uri);

    public Resource? ResolveByCanonicalUri(string uri)
    {
        if (_parsed.TryGetValue(uri, out var cached))
        {
            return cached;
        }

        Resource? resource = null;
        if (source.TryGet(uri, out var artifact))
        {
            resource = Parser.DeserializeResource(artifact.Json.GetRawText());
        }

        _parsed[uri] = resource;
        return resource;
    }

    public static Resource Parse(string json) => Parser.DeserializeResource(json);
}
