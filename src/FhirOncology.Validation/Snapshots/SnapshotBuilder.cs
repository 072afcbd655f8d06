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

    /// <summary>
    /// An unresolvable profile that is an ancestor of the base (not the base itself, and not a type or target profile
    /// the differential names): the base's shipped snapshot stands in for it.
    /// </summary>
    private static bool IsMissingAncestor(string problem, StructureDefinition profile, ConformanceSource source)
    {
        var start = problem.IndexOf('\'', StringComparison.Ordinal);
        var end = start < 0 ? -1 : problem.IndexOf('\'', start + 1);
        if (end < 0 || !problem.StartsWith("Unable to resolve reference to profile", StringComparison.Ordinal))
        {
            return false;
        }

        var url = problem[(start + 1)..end];
        var named = (profile.Differential?.Element ?? []).SelectMany(e => e.Type).SelectMany(t => t.Profile.Concat(t.TargetProfile));
        return url != profile.BaseDefinition && !named.Contains(url) && !source.Contains(url);
    }

    /// <param name="json">The differential-only StructureDefinition.</param>
    /// <param name="source">Where base and type profiles come from.</param>
    /// <param name="warnings">Receives problems that did not prevent a snapshot, e.g. an ancestor we do not hold
    /// (mCODE's base, US Core, is not in our packages; mCODE's shipped snapshot already contains what it added).</param>
    public static async Task<byte[]> WithSnapshotAsync(string json, ConformanceSource source, ICollection<string> warnings)
    {
        if (PackageResourceResolver.Parse(json) is not StructureDefinition profile)
        {
            throw new ArgumentException("Not a StructureDefinition.", nameof(json));
        }

        var generator = new SnapshotGenerator(new PackageResourceResolver(source), SnapshotGeneratorSettings.CreateDefault());
        await generator.UpdateAsync(profile);
        var problems = generator.Outcome?.Issue
            .Where(issue => issue.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(issue => issue.Details?.Text ?? issue.Diagnostics ?? "")
            .Distinct(StringComparer.Ordinal)
            .ToList() ?? [];
        var errors = problems.Where(problem => !IsMissingAncestor(problem, profile, source)).ToList();
        foreach (var problem in problems.Except(errors))
        {
            warnings.Add($"{profile.Url}: {problem}");
        }

        if (errors.Count > 0 || profile.Snapshot is null)
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
