using System.Text.Json.Serialization;
using FhirOncology.Benchmarks.Generation;
using FhirOncology.Benchmarks.SearchBench;

namespace FhirOncology.Benchmarks.Modes;

/// <summary>Source-generated, like <see cref="Reporting.ReportJsonContext"/>: the reports and the manifest without reflection.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(GenerateReport))]
[JsonSerializable(typeof(SearchBenchReport))]
[JsonSerializable(typeof(PopulationManifest))]
internal sealed partial class ModeJsonContext : JsonSerializerContext;
