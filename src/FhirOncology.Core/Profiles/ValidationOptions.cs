using System.ComponentModel.DataAnnotations;

namespace FhirOncology.Core.Profiles;

/// <summary>
/// Section <c>Validation</c>: where the FHIR packages and our own profiles come from, and which profiles each type
/// must meet.
/// </summary>
public sealed class ValidationOptions
{
    public const string Section = "Validation";

    /// <summary>The package manifest (profiles/fhir-packages.json); by default the copy next to the binaries.</summary>
    [Required]
    public string PackageManifest { get; set; } = Path.Combine(AppContext.BaseDirectory, "fhir-packages.json");

    /// <summary>The FHIR package cache; empty means $FHIR_PACKAGE_CACHE, else ~/.fhir/packages.</summary>
    public string? PackageCache { get; set; }

    /// <summary>
    /// Our own StructureDefinitions, ValueSets and CodeSystems (profiles/definitions, issue #6), loaded on top of the
    /// packages: by default the copy next to the binaries; empty loads none. A folder that does not exist stops the
    /// server at start-up.
    /// </summary>
    public string? ProfileFolder { get; set; } = Path.Combine(AppContext.BaseDirectory, "profiles");

    /// <summary>
    /// Profiles every instance of a type must conform to on create and update, besides its base type and its own
    /// meta.profile: the one place the server's requirements are configured, e.g. "Patient": ["http://…"].
    /// </summary>
    public Dictionary<string, string[]> RequiredProfiles { get; set; } = [];
}
