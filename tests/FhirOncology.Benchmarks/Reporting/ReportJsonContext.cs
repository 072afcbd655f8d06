using System.Text.Json.Serialization;

namespace FhirOncology.Benchmarks.Reporting;

/// <summary>Source-generated, so writing the report needs no reflection and no cached serializer options.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(BenchmarkReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
