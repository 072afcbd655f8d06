using System.ComponentModel.DataAnnotations;

namespace FhirOncology.Api.Audit;

/// <summary>Section <c>Audit</c>: how audit records travel from requests to the database (issue #5).</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>Records waiting to be written; when full, requests wait for room (records are never dropped).</summary>
    [Range(1, 1_000_000)]
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>Most records written in one database transaction.</summary>
    [Range(1, 10_000)]
    public int MaxBatchSize { get; set; } = 200;
}
