using FhirOncology.Core.Serialization;
using Hl7.Fhir.Model;

namespace FhirOncology.Core.Indexing;

/// <summary>
/// Our own SearchParameters: conformance/SearchParameters/*.json, embedded in this assembly at build time so the
/// server indexes exactly what the conformance folder publishes.
/// </summary>
internal static class CustomSearchParameters
{
    public static IReadOnlyList<SearchParameter> Load()
    {
        var assembly = typeof(CustomSearchParameters).Assembly;
        var serializer = new FhirSerializer();
        return [.. assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith("SearchParameters/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                return serializer.Parse(buffer.ToArray(), FhirFormat.Json) as SearchParameter
                    ?? throw new InvalidDataException($"{name} is not a SearchParameter.");
            })];
    }
}
