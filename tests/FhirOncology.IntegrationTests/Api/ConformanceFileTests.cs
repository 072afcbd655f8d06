using System.Text.Json.Nodes;
using FhirOncology.IntegrationTests.Infrastructure;

namespace FhirOncology.IntegrationTests.Api;

/// <summary>
/// conformance/CapabilityStatement.json is what integrators read offline; it must equal what the server serves
/// (with the base URL written as [base]). When capabilities change, update the file in the same change
/// (conformance/update-capabilitystatement.sh). Both run with the development authorization server's defaults.
/// </summary>
public sealed class ConformanceFileTests(DevServerFactory factory) : IClassFixture<DevServerFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task CapabilityStatementFile_EqualsServedStatement()
    {
        var served = (await _client.GetStringAsync("/fhir/metadata")).Replace("http://localhost/fhir", "[base]", StringComparison.Ordinal);
        var file = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "conformance", "CapabilityStatement.json"));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(file), JsonNode.Parse(served)),
            "conformance/CapabilityStatement.json differs from GET [base]/metadata; regenerate it from the server.");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FhirOncology.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("FhirOncology.sln not found above " + AppContext.BaseDirectory);
    }
}
