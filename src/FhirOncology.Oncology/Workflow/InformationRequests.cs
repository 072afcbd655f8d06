using System.Globalization;
using System.Net;
using FhirOncology.Core.Errors;
using FhirOncology.Core.Interactions;
using FhirOncology.Core.Security;
using FhirOncology.Core.Storage;
using FhirOncology.Oncology.Intake;
using FhirOncology.Oncology.Referrals;
using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;
using FhirTask = Hl7.Fhir.Model.Task;

namespace FhirOncology.Oncology.Workflow;

/// <summary>
/// The missing-records loop (issue #6, Intake; DOMAIN.md §1.2). Records missing: a requested, received, accepted or
/// in-progress referral Task goes on-hold with businessStatus awaiting-information, and an active
/// CommunicationRequest lists what is missing (kept up to date while the Task waits). Nothing missing any more: a Task
/// the server put on hold goes back to the status it had, with businessStatus information-received, and the
/// CommunicationRequest is completed. The changes are the server's own (<see cref="Caller.Internal"/>) and go through
/// the one write path, so every hook (subscriptions, the state machine) sees them.
/// </summary>
internal sealed class InformationRequests(CompletenessCheck check, CaseRecords records, TaskHistory history, TimeProvider clock)
{
    public async Task<CompletenessOutcome> ApplyAsync(IStoreWriteTransaction transaction, IResourceWriter writer, ResourceKey key, CancellationToken ct)
    {
        var task = await records.ReadAsync<FhirTask>(transaction, key, ct) ?? throw FhirException.NotFound(key.Type, key.Id);
        if (!ReferralResources.IsReferralTask(task) || LocalReference.TryParse(task.For?.Reference) is not { Type: "Patient" } patient)
        {
            throw new FhirException(HttpStatusCode.UnprocessableEntity, OperationOutcome.IssueType.BusinessRule,
                $"Task/{key.Id} is not a referral Task for a Patient (meta.profile {ReferralCanonicals.TaskProfile}).");
        }

        var referral = LocalReference.TryParse(task.Focus?.Reference) is { Type: "ServiceRequest" } focus
            ? await records.ReadAsync<ServiceRequest>(transaction, focus, ct)
            : null;
        var missing = await check.FindMissingAsync(transaction, patient.Id, referral, ct);
        var open = await OpenRequestsAsync(transaction, key, ct);
        var status = task.Status.Code();
        var version = int.Parse(task.Meta!.VersionId!, CultureInfo.InvariantCulture);
        var onServerHold = status == TaskTransitions.OnHold && ReferralResources.BusinessStatusCode(task) == ReferralResources.AwaitingInformation;
        ResourceKey? request = open.Count > 0 ? new ResourceKey("CommunicationRequest", open[0].Id!) : null;

        using var server = CallerContext.Use(Caller.Internal);
        if (missing.Count > 0 && (onServerHold || TaskTransitions.Holdable.Contains(status)))
        {
            if (!onServerHold)
            {
                task.StatusReason = new CodeableConcept { Text = "Awaiting information: " + string.Join(", ", missing.Select(m => m.Display)) };
                version = (await SetStatusAsync(transaction, writer, task, TaskTransitions.OnHold, ReferralResources.AwaitingInformation, ct)).VersionId;
                status = TaskTransitions.OnHold;
            }

            request = await RequestAsync(transaction, writer, task, missing, open, ct);
        }
        else if (missing.Count == 0)
        {
            if (onServerHold)
            {
                status = await history.StatusBeforeHoldAsync(transaction, key, version, ct);
                task.StatusReason = null;
                version = (await SetStatusAsync(transaction, writer, task, status, ReferralResources.InformationReceived, ct)).VersionId;
            }

            foreach (var answered in open)
            {
                answered.Status = RequestStatus.Completed;
                await writer.UpdateAsync(transaction, answered, ct);
            }
        }

        return new CompletenessOutcome(key, version, status, missing, request);
    }

    /// <summary>The referral ended: the requests for its records are revoked (communicationrequest.html status revoked).</summary>
    public async Task RevokeOpenAsync(IStoreWriteTransaction transaction, IResourceWriter writer, ResourceKey key, CancellationToken ct)
    {
        var open = await OpenRequestsAsync(transaction, key, ct);
        using var server = CallerContext.Use(Caller.Internal);
        foreach (var request in open)
        {
            request.Status = RequestStatus.Revoked;
            await writer.UpdateAsync(transaction, request, ct);
        }
    }

    private async Task<ResourceVersion> SetStatusAsync(
        IStoreWriteTransaction transaction, IResourceWriter writer, FhirTask task, string status, string businessStatus, CancellationToken ct)
    {
        task.Status = EnumUtility.ParseLiteral<FhirTask.TaskStatus>(status)
            ?? throw new InvalidOperationException($"'{status}' is not a Task status.");
        task.BusinessStatus = ReferralResources.BusinessStatus(businessStatus);
        task.LastModifiedElement = new FhirDateTime(clock.GetUtcNow());
        return await writer.UpdateAsync(transaction, task, ct);
    }

    /// <summary>Opens the request, or brings the open one up to date with what is missing now.</summary>
    private async Task<ResourceKey> RequestAsync(
        IStoreWriteTransaction transaction, IResourceWriter writer, FhirTask task, IReadOnlyList<RecordRequirement> missing,
        IReadOnlyList<CommunicationRequest> open, CancellationToken ct)
    {
        if (open.Count == 0)
        {
            var created = await writer.CreateAsync(transaction, InformationRequestFactory.Create(task, missing, clock.GetUtcNow()), ct);
            return created.Key;
        }

        var current = open[0];
        if (!InformationRequestFactory.MissingCodes(current).SequenceEqual(missing.Select(m => m.Code)))
        {
            InformationRequestFactory.Describe(current, missing);
            await writer.UpdateAsync(transaction, current, ct);
        }

        return new ResourceKey("CommunicationRequest", current.Id!);
    }

    private async Task<IReadOnlyList<CommunicationRequest>> OpenRequestsAsync(IStoreWriteTransaction transaction, ResourceKey task, CancellationToken ct)
    {
        var requests = new List<CommunicationRequest>();
        foreach (var id in await records.FindAsync(transaction, "CommunicationRequest", [("based-on", $"Task/{task.Id}"), ("status", "active")], 20, ct))
        {
            if (await records.ReadAsync<CommunicationRequest>(transaction, new ResourceKey("CommunicationRequest", id), ct) is { } request)
            {
                requests.Add(request);
            }
        }

        return requests;
    }
}
