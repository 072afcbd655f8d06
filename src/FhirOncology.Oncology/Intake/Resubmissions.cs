using System.Globalization;
using FhirOncology.Core.Security;
using FhirOncology.Core.Storage;
using FhirOncology.Oncology.Referrals;
using Hl7.Fhir.Model;
using FhirTask = Hl7.Fhir.Model.Task;

namespace FhirOncology.Oncology.Intake;

/// <summary>
/// A referral submitted again — a ServiceRequest.identifier (system|value) the same requesting organisation already
/// referred — is answered with what the first submission stored instead of a duplicate (issue #6, Intake). The answer
/// is a transaction-response Bundle (bundle.html#transaction-response), one entry per entry sent: the ServiceRequest,
/// Task and Patient entries point at the stored resources ("200 OK", location with version, ETag; the Task entry
/// carries the Task itself and an information OperationOutcome saying it is a resubmission), every other entry is
/// "200 OK" with an outcome saying it was not stored. Nothing is written.
/// </summary>
internal sealed class Resubmissions(CaseRecords records, ReferralParties parties)
{
    private const int MaxMatches = 20;

    public async Task<Bundle?> AnswerAsync(
        IStoreWriteTransaction transaction, ReferralBundle referral, Bundle bundle, Caller caller, string baseUrl, CancellationToken ct)
    {
        var identifiers = referral.Referral?.Identifier
            .Where(i => !string.IsNullOrEmpty(i.System) && !string.IsNullOrEmpty(i.Value))
            .Select(i => CaseRecords.Escape(i.System!) + "|" + CaseRecords.Escape(i.Value!))
            .ToList() ?? [];
        if (identifiers.Count == 0)
        {
            return null;
        }

        var requests = await records.FindAsync(transaction, "ServiceRequest",
            [("identifier", string.Join(',', identifiers)), ("_profile", ReferralCanonicals.ServiceRequestProfile)], MaxMatches, ct);
        foreach (var requestId in requests)
        {
            var tasks = await records.FindAsync(transaction, "Task",
                [("focus", "ServiceRequest/" + requestId), ("_profile", ReferralCanonicals.TaskProfile)], MaxMatches, ct);
            foreach (var taskId in tasks)
            {
                var key = new ResourceKey("Task", taskId);
                var task = await records.ReadAsync<FhirTask>(transaction, key, ct);
                // The server's own submissions (demo data) have no requesting organisation: they match on the identifier alone.
                if (task is not null && (caller.IsInternal || await parties.IsRequesterAsync(transaction, caller, key, task, ct)))
                {
                    return await ResponseAsync(transaction, referral, bundle, new ResourceKey("ServiceRequest", requestId), key, task, baseUrl, ct);
                }
            }
        }

        return null;
    }

    private async Task<Bundle> ResponseAsync(
        IStoreWriteTransaction transaction, ReferralBundle referral, Bundle bundle, ResourceKey request, ResourceKey taskKey, FhirTask task, string baseUrl,
        CancellationToken ct)
    {
        var patient = LocalReference.TryParse(task.For?.Reference);
        var message = $"This referral was already received as {request} and {taskKey}; this submission stored nothing (resubmission).";
        var response = new Bundle { Type = Bundle.BundleType.TransactionResponse, Id = Guid.NewGuid().ToString("N") };
        for (var i = 0; i < bundle.Entry.Count; i++)
        {
            var existing = i == referral.ServiceRequest?.Index ? request
                : i == referral.Task?.Index ? taskKey
                : i == referral.Patient?.Index ? patient
                : null;
            var version = existing is null ? null : await transaction.ReadCurrentAsync(existing, ct);
            var entry = new Bundle.EntryComponent { Response = new Bundle.ResponseComponent { Status = "200 OK" } };
            if (version is { IsDeleted: false })
            {
                entry.FullUrl = $"{baseUrl}/{version.Key}";
                entry.Response.Location = $"{version.Key}/_history/{version.VersionId.ToString(CultureInfo.InvariantCulture)}";
                entry.Response.Etag = VersionTag.Format(version.VersionId);
                entry.Response.LastModified = version.LastUpdated;
            }

            if (existing == taskKey)
            {
                entry.Resource = task;
                entry.Response.Outcome = Information(message);
            }
            else if (version is null)
            {
                entry.Response.Outcome = Information($"Not stored: {message}");
            }

            response.Entry.Add(entry);
        }

        return response;
    }

    private static OperationOutcome Information(string message) => new()
    {
        Issue = [new OperationOutcome.IssueComponent
        {
            Severity = OperationOutcome.IssueSeverity.Information,
            Code = OperationOutcome.IssueType.Duplicate,
            Diagnostics = message,
        }],
    };
}
