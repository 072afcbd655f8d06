using System.Text.Json;
using System.Text.Json.Nodes;
using FhirOncology.Validation.Tests.Support;

namespace FhirOncology.Validation.Tests.OwnProfiles;

/// <summary>
/// The artifacts of profiles/definitions as loaded: one canonical base and version, a snapshot for every
/// StructureDefinition, each artifact valid against its core definition, and an example for every profile.
/// </summary>
public sealed class DefinitionTests(OwnProfilesFixture fixture)
{
    public static TheoryData<string> Definitions() => [.. OwnProfilesFixture.DefinitionFiles()];

    public static TheoryData<string> StructureDefinitions() =>
        [.. OwnProfilesFixture.DefinitionFiles().Where(f => f.StartsWith("StructureDefinition-", StringComparison.Ordinal))];

    [Theory]
    [MemberData(nameof(Definitions))]
    public void Definition_HasOurCanonicalAndVersion(string file)
    {
        var resource = Definition(file);
        var type = (string)resource["resourceType"]!;
        Assert.Equal($"{type}-{resource["id"]}.json", file);
        Assert.Equal($"{OwnProfilesFixture.Base}/{type}/{resource["id"]}", (string?)resource["url"]);
        Assert.Equal("0.1.0", (string?)resource["version"]);
        Assert.True(fixture.Source.Contains((string)resource["url"]!), $"{file} was not loaded");
    }

    [Theory]
    [MemberData(nameof(Definitions))]
    public void Definition_ValidAgainstItsCoreDefinition(string file)
    {
        fixture.Validate(Definition(file)).HasNoErrors();
    }

    [Theory]
    [MemberData(nameof(StructureDefinitions))]
    public void Profile_SnapshotGenerated_WithoutWarnings(string file)
    {
        var url = (string)Definition(file)["url"]!;
        Assert.True(fixture.Source.TryGet(url, out var artifact));
        var snapshot = artifact.Json.GetProperty("snapshot").GetProperty("element");
        var differential = artifact.Json.GetProperty("differential").GetProperty("element");
        Assert.True(snapshot.GetArrayLength() > differential.GetArrayLength(), $"{url}: snapshot smaller than the differential");
        Assert.All(differential.EnumerateArray(), element =>
            Assert.Contains(snapshot.EnumerateArray(), s => s.GetProperty("id").GetString() == element.GetProperty("id").GetString()));
        Assert.DoesNotContain(fixture.Source.Warnings, warning => warning.StartsWith(url, StringComparison.Ordinal));
        Assert.NotNull(fixture.Validator.Profiles.Get(url));
    }

    [Theory]
    [MemberData(nameof(StructureDefinitions))]
    public void Profile_UsedByAnExample(string file)
    {
        var url = (string)Definition(file)["url"]!;
        var used = OwnProfilesFixture.ExampleFiles().SelectMany(f => ClaimedOrUsed(OwnProfilesFixture.Example(f))).ToHashSet(StringComparer.Ordinal);
        Assert.Contains(url, used);
    }

    private static JsonObject Definition(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(OwnProfilesFixture.DefinitionsPath, file)))!.AsObject();

    /// <summary>Every meta.profile and extension url anywhere in an instance (Bundle entries included).</summary>
    private static IEnumerable<string> ClaimedOrUsed(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key switch
        {
            "profile" when p.Value is JsonArray a => a.Select(v => (string)v!),
            "url" when o.ContainsKey("valueString") || o.ContainsKey("extension") => [(string)p.Value!],
            _ => ClaimedOrUsed(p.Value),
        }),
        JsonArray a => a.SelectMany(ClaimedOrUsed),
        _ => [],
    };
}
