using FhirOncology.Core.Indexing;
using FhirOncology.Core.Interactions;
using FhirOncology.Core.Security;
using FhirOncology.Core.Serialization;
using FhirOncology.Core.Storage;
using Hl7.Fhir.Model;

namespace FhirOncology.Core.Audit;

/// <summary>
/// Writes a batch of audit records in one database transaction (issue #5). Each becomes an AuditEvent stored as an
/// ordinary resource — indexed, so <c>GET [base]/AuditEvent?…</c> works with the normal engine — granted to the
/// organisations the caller acted for, and appended to the hash-chained audit log with the same bytes. It runs as
/// the server itself and bypasses <c>ResourceService</c> on purpose: an audit record is never refused by profile
/// validation, joins no patient case (so an organisation sees only its own callers' events, never another
/// organisation's events about a shared patient) and gets no Provenance.
/// </summary>
public sealed class AuditWriter(IResourceStore store, SearchIndexer indexer, FhirSerializer serializer, TimeProvider clock)
{
    public async Task WriteAsync(IReadOnlyList<AuditRecord> records, CancellationToken ct)
    {
        using var server = CallerContext.Use(Caller.Internal);
        await using var transaction = await store.BeginWriteAsync(ct);
        foreach (var record in records)
        {
            var auditEvent = AuditEventFactory.Create(record, await PatientsAsync(transaction, record, ct));
            var key = new ResourceKey(AccessPolicy.AuditType, Guid.CreateVersion7().ToString("N"));
            var stored = Now();
            auditEvent.Id = key.Id;
            auditEvent.Meta = new Meta { VersionId = "1", LastUpdated = stored };
            var json = serializer.ToJsonBytes(auditEvent);
            await transaction.SaveAsync(new NewVersion(key, 1, stored, WriteMethod.Create, json, indexer.Index(auditEvent)), ct);
            await transaction.GrantAsync(key, record.Caller?.OrganizationIds ?? [], ct);
            await transaction.AppendAuditAsync(key.Id, record.Recorded, json, ct);
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// The patients the request concerned: those its query names, the SMART patient context, a Patient it acted on,
    /// and — only when the request succeeded, so a refused request learns nothing — the case of the resource it
    /// acted on.
    /// </summary>
    private static async Task<IReadOnlyCollection<string>> PatientsAsync(IStoreWriteTransaction transaction, AuditRecord record, CancellationToken ct)
    {
        var patients = new List<string>(record.QueryPatients);
        if (record.Caller?.PatientContext is { } context && ResourceService.IsValidId(context))
        {
            patients.Add(context);
        }

        if (record.Target?.Key is { Type: "Patient" } patient)
        {
            patients.Add(patient.Id);
        }
        else if (record.Target?.Key is { } key && record.Status is >= 200 and < 300)
        {
            patients.AddRange(await transaction.ReadCasePatientsAsync(key, ct));
        }

        return [.. patients.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Millisecond precision, as the store keeps it.</summary>
    private DateTimeOffset Now()
    {
        var now = clock.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }
}
