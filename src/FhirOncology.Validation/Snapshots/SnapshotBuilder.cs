using System.Text.Json;
using FhirOncology.Validation.Packages;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Snapshot;

namespace FhirOncology.Validation.Snapshots;

/// <summary>
/// Builds the snapshot of a differential-only StructureDefinition with the Firely SnapshotGenerator
/// (profiling.html#snapshot: the snapshot is the base snapshot with the differential applied).
/// Shipped snapshots (mCODE, Genomics Reporting, core) are used as they are and never regenerated.
/// </summary>
internal static class SnapshotBuilder
{
    private static readonly BaseFhirJsonSerializer Writer = new(ModelInfo.ModelInspector);

    public static async Task<byte[]> WithSnapshotAsync(string json, ConformanceSource source)
    {
        if (PackageResourceResolver.Parse(json) is not StructureDefinition profile)
        {
            throw new ArgumentException("Not a StructureDefinition.", nameof(json));
        }

        var generator = new SnapshotGenerator(new PackageResourceResolver(source), SnapshotGeneratorSettings.CreateDefault());
        await generator.UpdateAsync(profile);
        var errors = generator.Outcome?.Issue
            .Where(issue => issue.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(issue => issue.Details?.Text ?? issue.Diagnostics)
            .ToList();
        if (errors is { Count: > 0 } || profile.Snapshot is null)
        {
            throw new InvalidDataException(
                $"Snapshot generation failed for {profile.Url}: {string.Join("; ", errors ?? ["no snapshot produced"])}");
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Writer.Serialize(profile, writer);
        }

        return buffer.ToArray();
    }
}
