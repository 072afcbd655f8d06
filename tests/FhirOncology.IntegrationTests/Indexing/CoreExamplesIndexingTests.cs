using System.Text.Json;
using FhirOncology.Core.Indexing;
using FhirOncology.Core.Resources;
using FhirOncology.Core.Serialization;
using FhirOncology.Oncology.Referrals;
using Hl7.Fhir.Model;

namespace FhirOncology.IntegrationTests.Indexing;

/// <summary>
/// Every example of a served type in the FHIR R4 examples package (hl7.fhir.r4.examples 4.0.1, restored by
/// profiles/restore-packages.sh) indexes without error: real data through every search parameter expression. The
/// test is skipped, saying so, when the package cache has not been restored.
/// </summary>
public sealed class CoreExamplesIndexingTests
{
    private static readonly string PackageDirectory = Path.Combine(
        Environment.GetEnvironmentVariable("FHIR_PACKAGE_CACHE") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".fhir", "packages"),
        "hl7.fhir.r4.examples#4.0.1", "package");

    [Fact]
    public void CoreExamples_OfServedTypes_IndexWithoutError()
    {
        Assert.SkipUnless(Directory.Exists(PackageDirectory), $"FHIR package cache not restored ({PackageDirectory}); run profiles/restore-packages.sh.");
        var types = new ResourceTypeRegistry([ReferralResourceTypes.All]);
        var indexer = new SearchIndexer(new SearchParameterCatalog(types));
        var serializer = new FhirSerializer();
        var failures = new List<string>();
        var indexed = 0;
        foreach (var file in Directory.EnumerateFiles(PackageDirectory, "*.json"))
        {
            var bytes = File.ReadAllBytes(file);
            using var document = JsonDocument.Parse(bytes);
            if (!document.RootElement.TryGetProperty("resourceType", out var type) || !types.IsSupported(type.GetString() ?? ""))
            {
                continue;
            }

            Resource resource;
            try
            {
                resource = serializer.Parse(bytes, FhirFormat.Json);
            }
            catch (Core.Errors.FhirException)
            {
                continue; // a few core examples do not parse strictly; parsing is not what this test checks
            }

            try
            {
                _ = indexer.Index(resource);
                indexed++;
            }
            catch (Exception ex)
            {
                failures.Add($"{Path.GetFileName(file)}: {ex.GetType().Name}: {ex.Message}");
            }
        }

        Assert.True(indexed > 300, $"Only {indexed} examples were indexed; is the package complete?");
        Assert.Empty(failures);
    }
}
