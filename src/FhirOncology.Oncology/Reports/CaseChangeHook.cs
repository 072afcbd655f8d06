using System.Collections.Frozen;
using FhirOncology.Core.Interactions;
using FhirOncology.Core.Search;
using FhirOncology.Core.Security;
using FhirOncology.Core.Serialization;
using FhirOncology.Core.Storage;
using FhirOncology.Oncology.CaseBundles;
using Hl7.Fhir.Model;
using FhirTask = Hl7.Fhir.Model.Task;

namespace FhirOncology.Oncology.Reports;

/// <summary>
/// Issue #6: "if the case changes afterwards, the Task shows it". After any write into a patient's case, every
/// completed referral Task of that patient that already links a report, and is not flagged yet, gets the
/// <c>case-changed-after-report</c> input and a note (<see cref="ReportTask.FlagCaseChanged"/>), in the same
/// transaction and through the normal write path (so the Task's own rules apply). Workflow records (Task), the
/// audit trail (Provenance, AuditEvent), Subscriptions and report documents are not case changes. The Task is
/// written as the server itself: the writer of the change need not be allowed to change the Task.
/// </summary>
public sealed class CaseChangeHook(SearchQueryParser parser, FhirSerializer serializer, TimeProvider clock) : IWriteHook
{
    private const int MaxTasks = 100;

    private static readonly FrozenSet<string> NotCaseChanges =
        FrozenSet.ToFrozenSet(["Task", "Provenance", "AuditEvent", "Subscription"], StringComparer.Ordinal);

    // A delete is seen before it happens, while the resource (and so its patients) can still be read.
    public async Task BeforeSaveAsync(WriteContext context, CancellationToken ct)
    {
        if (context.Method == WriteMethod.Delete && !NotCaseChanges.Contains(context.Key.Type)
            && await context.Transaction.ReadCurrentAsync(context.Key, ct) is { IsDeleted: false } current)
        {
            await FlagAsync(context, serializer.Parse(current.Json.Span, FhirFormat.Json), ct);
        }
    }

    public async Task AfterSaveAsync(WriteContext context, CancellationToken ct)
    {
        if (context.Resource is { } resource && !NotCaseChanges.Contains(context.Key.Type))
        {
            await FlagAsync(context, resource, ct);
        }
    }

    private async Task FlagAsync(WriteContext context, Resource resource, CancellationToken ct)
    {
        if (SecondOpinion.Claims(resource, SecondOpinion.DocumentProfile) || SecondOpinion.Claims(resource, SecondOpinion.ReportProfile))
        {
            return; // the report itself, stored with the Task it completes
        }

        // The case membership the access rules recorded for this resource (AccessRecorder): one definition of a case.
        foreach (var patient in await context.Transaction.ReadCasePatientsAsync(context.Key, ct))
        {
            var criteria = parser.ParseCriteria("Task", [new("subject", "Patient/" + patient), new("status", "completed")]);
            foreach (var id in await context.Transaction.FindCurrentIdsAsync("Task", criteria, MaxTasks, ct))
            {
                var stored = await context.Transaction.ReadCurrentAsync(new ResourceKey("Task", id), ct);
                var task = (FhirTask)serializer.Parse(stored!.Json.Span, FhirFormat.Json);
                if (!ReportTask.HasReport(task) || ReportTask.IsFlaggedChanged(task))
                {
                    continue;
                }

                ReportTask.FlagCaseChanged(task, $"{context.Key}/_history/{context.VersionId}", clock.GetUtcNow());
                using (CallerContext.Use(Caller.Internal))
                {
                    await context.Writer.UpdateAsync(context.Transaction, task, stored.VersionId, ct);
                }
            }
        }
    }
}
