using System.Reflection;
using FhirOncology.Core.Profiles;
using FhirOncology.Core.Serialization;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;

namespace FhirOncology.Core.Conformance;

/// <summary>
/// Our own conformance resources, served read-only at their canonical URLs (issue #6): the profiles, extensions,
/// CodeSystems and ValueSets in <see cref="ValidationOptions.ProfileFolder"/> (profiles/definitions) and the
/// SearchParameters and OperationDefinitions in conformance/. When the server's base is the canonical base
/// (https://fhironcology.org/fhir), <c>[base]/StructureDefinition/referral-task</c> is the canonical URL itself.
/// They are files, not stored resources, so they cannot be changed through the API.
/// </summary>
public sealed class ConformanceArtifacts
{
    public static readonly IReadOnlyList<string> Types = ["StructureDefinition", "CodeSystem", "ValueSet", "SearchParameter", "OperationDefinition"];

    private readonly Lazy<IReadOnlyList<Resource>> _all;

    public ConformanceArtifacts(FhirSerializer serializer, IOptions<ValidationOptions> options) =>
        _all = new Lazy<IReadOnlyList<Resource>>(() => Load(serializer, options.Value.ProfileFolder));

    public IReadOnlyList<Resource> All => _all.Value;

    public Resource? Find(string type, string id) => All.FirstOrDefault(r => r.TypeName == type && r.Id == id);

    /// <summary>The profiles on resource types, by the type they constrain (CapabilityStatement.rest.resource.supportedProfile).</summary>
    public ILookup<string, string> ResourceProfiles() => All.OfType<StructureDefinition>()
        .Where(sd => sd.Kind == StructureDefinition.StructureDefinitionKind.Resource && sd.Derivation == StructureDefinition.TypeDerivationRule.Constraint)
        .ToLookup(sd => sd.Type ?? "", sd => sd.Url ?? "");

    private static List<Resource> Load(FhirSerializer serializer, string? folder)
    {
        var resources = new List<Resource>();
        if (!string.IsNullOrEmpty(folder) && Directory.Exists(folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
            {
                resources.Add(serializer.Parse(File.ReadAllBytes(file), FhirFormat.Json));
            }
        }

        var assembly = typeof(ConformanceArtifacts).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(IsServedConformance).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            resources.Add(serializer.Parse(buffer.ToArray(), FhirFormat.Json));
        }

        return [.. resources.Where(r => Types.Contains(r.TypeName))];
    }

    private static bool IsServedConformance(string name) =>
        name.StartsWith("SearchParameters/", StringComparison.Ordinal) || name.StartsWith("OperationDefinitions/", StringComparison.Ordinal);
}
