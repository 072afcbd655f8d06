using FhirOncology.Validation.Packages;

[assembly: AssemblyFixture(typeof(FhirOncology.Validation.Tests.Support.ValidatorFixture))]

namespace FhirOncology.Validation.Tests.Support;

/// <summary>
/// One validator for the whole test run: the manifest's packages (restored into the FHIR package cache by the
/// build) plus our own corpus profiles, whose snapshots the Firely SnapshotGenerator builds at load.
/// </summary>
public sealed class ValidatorFixture : IAsyncLifetime
{
    public ConformanceSource Source { get; private set; } = null!;

    public ProfileValidator Validator { get; private set; } = null!;

    public static string ManifestPath => Path.Combine(AppContext.BaseDirectory, "fhir-packages.json");

    public static string CorpusPath => Path.Combine(AppContext.BaseDirectory, "Corpus");

    public async ValueTask InitializeAsync()
    {
        Source = ConformanceSource.FromManifest(ManifestPath);
        if (Directory.Exists(Path.Combine(CorpusPath, "Profiles")))
        {
            await Source.AddFolderAsync(Path.Combine(CorpusPath, "Profiles"), TestContext.Current.CancellationToken);
        }
        Validator = new ProfileValidator(Source);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>The <c>example/</c> folder of a package in the cache.</summary>
    public static string ExampleFolder(string name, string version) =>
        Path.Combine(FhirPackageCache.PackageFolder(FhirPackageCache.DefaultPath, new FhirPackageId(name, version)), "example");
}
