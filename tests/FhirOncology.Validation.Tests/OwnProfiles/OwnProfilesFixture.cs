using System.Text.Json.Nodes;
using FhirOncology.Validation.Packages;
using FhirOncology.Validation.Tests.Support;

[assembly: AssemblyFixture(typeof(FhirOncology.Validation.Tests.OwnProfiles.OwnProfilesFixture))]

namespace FhirOncology.Validation.Tests.OwnProfiles;

/// <summary>
/// The validator as the server builds it (issue #6): the manifest's packages plus profiles/definitions, whose
/// differential-only StructureDefinitions get their snapshots from the Firely SnapshotGenerator at load. Nothing of the
/// test corpus is loaded, so these tests see exactly what production sees.
/// </summary>
public sealed class OwnProfilesFixture : IAsyncLifetime
{
    public const string Base = "https://fhironcology.org/fhir";

    public ConformanceSource Source { get; private set; } = null!;

    public ProfileValidator Validator { get; private set; } = null!;

    public static string DefinitionsPath => Path.Combine(AppContext.BaseDirectory, "profiles", "definitions");

    public static string ExamplesPath => Path.Combine(AppContext.BaseDirectory, "profiles", "examples");

    public async ValueTask InitializeAsync()
    {
        Source = ConformanceSource.FromManifest(ValidatorFixture.ManifestPath);
        await Source.AddFolderAsync(DefinitionsPath, TestContext.Current.CancellationToken);
        Validator = new ProfileValidator(Source);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public static string Profile(string id) => $"{Base}/StructureDefinition/{id}";

    /// <summary>An example of profiles/examples, loaded fresh so each test owns its copy.</summary>
    public static JsonObject Example(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(ExamplesPath, file)))!.AsObject();

    public static IEnumerable<string> ExampleFiles() =>
        Directory.EnumerateFiles(ExamplesPath, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public static IEnumerable<string> DefinitionFiles() =>
        Directory.EnumerateFiles(DefinitionsPath, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public ValidationReport Validate(JsonObject instance, params string[] profiles) =>
        Validator.Validate(instance.ToJsonString(), profiles);
}
