using System.Text.Json;

namespace FhirOncology.Validation.Packages;

/// <summary>
/// A conformance resource known by canonical URL. Its JSON is read and parsed on first use only, then kept:
/// start-up reads indexes, not resources.
/// </summary>
internal sealed class ConformanceArtifact
{
    private readonly Lazy<JsonDocument> _document;

    public ConformanceArtifact(PackageIndexEntry entry, string source, Func<byte[]> load)
    {
        Entry = entry;
        Source = source;
        _document = new Lazy<JsonDocument>(() => JsonDocument.Parse(load()), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public PackageIndexEntry Entry { get; }

    /// <summary>Where it came from (package id or "local"), for messages.</summary>
    public string Source { get; }

    public JsonElement Json => _document.Value.RootElement;
}
