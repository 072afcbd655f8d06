using System.Text.Json.Nodes;

namespace FhirOncology.Validation.Tests.Support;

/// <summary>Our own instances (Corpus/Instances), loaded fresh for each test so tests own their data.</summary>
public static class Corpus
{
    public const string Base = "http://fhironcology.example/fhir";

    public static JsonObject Patient() => Load("Patient-onc-test.json");

    public static JsonObject Observation() => Load("Observation-onc-test.json");

    public static JsonObject Bundle() => Load("Bundle-onc-test.json");

    public static JsonObject Measure() => Load("Observation-onc-test-measure.json");

    public static JsonObject Load(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(ValidatorFixture.CorpusPath, "Instances", file)))!.AsObject();

    public static IEnumerable<string> InstanceFiles() =>
        Directory.EnumerateFiles(Path.Combine(ValidatorFixture.CorpusPath, "Instances"), "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;
}
