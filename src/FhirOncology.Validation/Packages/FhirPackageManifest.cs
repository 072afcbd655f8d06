using System.Text.Json;

namespace FhirOncology.Validation.Packages;

/// <summary>
/// Reads <c>profiles/fhir-packages.json</c>: <c>{ "packages": [ { "name": ..., "version": ... } ] }</c>.
/// The order is the precedence order: when two packages define the same canonical URL, the later one wins.
/// </summary>
public static class FhirPackageManifest
{
    public static IReadOnlyList<FhirPackageId> Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        if (!document.RootElement.TryGetProperty("packages", out var packages) || packages.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{path}: expected a 'packages' array.");
        }

        var result = new List<FhirPackageId>();
        foreach (var package in packages.EnumerateArray())
        {
            var name = package.TryGetProperty("name", out var n) ? n.GetString() : null;
            var version = package.TryGetProperty("version", out var v) ? v.GetString() : null;
            if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(version))
            {
                throw new InvalidDataException($"{path}: every package needs a name and an exact version.");
            }

            result.Add(new FhirPackageId(name, version));
        }

        return result;
    }
}
