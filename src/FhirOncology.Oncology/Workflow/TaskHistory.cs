using FhirOncology.Core.Storage;
using FhirOncology.Oncology.Referrals;
using FhirTask = Hl7.Fhir.Model.Task;

namespace FhirOncology.Oncology.Workflow;

/// <summary>A Task's earlier versions, read inside the write's transaction.</summary>
internal sealed class TaskHistory(CaseRecords records)
{
    private const int MaxVersionsBack = 200;

    /// <summary>
    /// The status the Task had before it went on hold (the newest version before the current run of on-hold
    /// versions), or requested when no version says otherwise.
    /// </summary>
    public async Task<string> StatusBeforeHoldAsync(IStoreWriteTransaction transaction, ResourceKey key, int currentVersion, CancellationToken ct)
    {
        for (var version = currentVersion - 1; version >= 1 && version >= currentVersion - MaxVersionsBack; version--)
        {
            if (await records.ReadVersionAsync<FhirTask>(transaction, key, version, ct) is { } task && task.Status.Code() != TaskTransitions.OnHold)
            {
                return task.Status.Code();
            }
        }

        return TaskTransitions.Requested;
    }
}
