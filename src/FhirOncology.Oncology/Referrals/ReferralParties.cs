using FhirOncology.Core.Security;
using FhirOncology.Core.Storage;
using Hl7.Fhir.Model;
using FhirTask = Hl7.Fhir.Model.Task;

namespace FhirOncology.Oncology.Referrals;

/// <summary>
/// The two parties of a referral Task (workflow-management.html, "Task on the fulfiller"): the reviewing
/// organisation that owns and performs it (Task.owner), and the requesting organisation that placed it. Task.requester
/// is often the referring clinician, who names no organisation, so the requesting organisation is the one the client
/// that created the Task acted for — recorded by the server in the Provenance of version 1 (provenance.html,
/// agent.onBehalfOf) — and Task.requester itself when it is an Organization (a Task the server loaded has no Provenance).
/// </summary>
internal sealed class ReferralParties(CaseRecords records)
{
    private const int MaxProvenances = 500;

    public static string? OwnerOrganization(FhirTask task) =>
        LocalReference.TryParse(task.Owner?.Reference) is { Type: "Organization" } owner ? owner.Id : null;

    public static bool IsOwner(Caller caller, FhirTask task) =>
        OwnerOrganization(task) is { } owner && caller.OrganizationIds.Contains(owner, StringComparer.Ordinal);

    public async Task<bool> IsRequesterAsync(IStoreWriteTransaction transaction, Caller caller, ResourceKey key, FhirTask task, CancellationToken ct) =>
        (await RequesterOrganizationsAsync(transaction, key, task, ct)).Intersect(caller.OrganizationIds, StringComparer.Ordinal).Any();

    public async Task<IReadOnlyCollection<string>> RequesterOrganizationsAsync(IStoreWriteTransaction transaction, ResourceKey key, FhirTask task, CancellationToken ct)
    {
        var organizations = new HashSet<string>(StringComparer.Ordinal);
        if (LocalReference.TryParse(task.Requester?.Reference) is { Type: "Organization" } requester)
        {
            organizations.Add(requester.Id);
        }

        var created = $"{key.Type}/{key.Id}/_history/1";
        foreach (var id in await records.FindAsync(transaction, "Provenance", [("target", $"{key.Type}/{key.Id}")], MaxProvenances, ct))
        {
            var provenance = await records.ReadAsync<Provenance>(transaction, new ResourceKey("Provenance", id), ct);
            if (provenance is null || !provenance.Target.Any(target => target.Reference == created))
            {
                continue;
            }

            foreach (var agent in provenance.Agent)
            {
                if (LocalReference.TryParse(agent.OnBehalfOf?.Reference) is { Type: "Organization" } organization)
                {
                    organizations.Add(organization.Id);
                }
            }
        }

        return organizations;
    }
}
