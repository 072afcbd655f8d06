using System.Globalization;
using FhirOncology.Core.Security;
using FhirOncology.Core.Storage;
using FhirOncology.Oncology.Referrals;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;

namespace FhirOncology.Oncology.Intake;

/// <summary>
/// Which of the <see cref="RecordRequirements"/> a referral's case lacks, looked up inside the write's transaction
/// (so a referral Bundle's own entries count). The genomic report is required for molecular reviews only.
/// </summary>
internal sealed class CompletenessCheck(CaseRecords records, IOptions<ReferralOptions> options, TimeProvider clock)
{
    public async Task<IReadOnlyList<RecordRequirement>> FindMissingAsync(
        IStoreWriteTransaction transaction, string patientId, ServiceRequest? referral, CancellationToken ct)
    {
        var since = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-options.Value.RecentLabDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var missing = new List<RecordRequirement>();
        foreach (var requirement in RecordRequirements.All)
        {
            if (requirement.MolecularOnly && !ReferralResources.IsMolecularReview(referral))
            {
                continue;
            }

            if (!await IsPresentAsync(transaction, requirement, patientId, since, referral, ct))
            {
                missing.Add(requirement);
            }
        }

        return missing;
    }

    private async Task<bool> IsPresentAsync(
        IStoreWriteTransaction transaction, RecordRequirement requirement, string patientId, string since, ServiceRequest? referral, CancellationToken ct)
    {
        if (requirement.Code == "diagnosis" && await HasReasonConditionAsync(transaction, patientId, referral, ct))
        {
            return true;
        }

        foreach (var search in requirement.Searches)
        {
            var criteria = search.Criteria
                .Select(c => (c.Name, c.Value.Replace(RecordRequirements.Patient, "Patient/" + patientId, StringComparison.Ordinal)
                    .Replace(RecordRequirements.Since, since, StringComparison.Ordinal)))
                .ToList();
            if (await records.ExistsAsync(transaction, search.Type, criteria, ct))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>ServiceRequest.reasonReference names the primary cancer Condition (referral-servicerequest requires it).</summary>
    private async Task<bool> HasReasonConditionAsync(IStoreWriteTransaction transaction, string patientId, ServiceRequest? referral, CancellationToken ct)
    {
        var conditions = referral?.ReasonReference
            .Select(r => LocalReference.TryParse(r.Reference))
            .Where(key => key is { Type: "Condition" })
            .Select(key => CaseRecords.Escape(key!.Id))
            .ToList() ?? [];
        return conditions.Count > 0
            && await records.ExistsAsync(transaction, "Condition", [("_id", string.Join(',', conditions)), ("patient", "Patient/" + patientId)], ct);
    }
}
