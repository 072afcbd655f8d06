using System.Globalization;
using System.Net;
using FhirOncology.Core.Errors;
using FhirOncology.Core.Interactions;
using FhirOncology.Core.Operations;
using FhirOncology.Core.Security;
using FhirOncology.Core.Storage;
using FhirOncology.Oncology.Referrals;
using Hl7.Fhir.Model;

namespace FhirOncology.Oncology.Workflow;

/// <summary>
/// <c>POST [base]/ServiceRequest/{id}/$check-completeness</c> and <c>POST [base]/Task/{id}/$check-completeness</c>
/// (conformance/OperationDefinitions/OperationDefinition-check-completeness.json): runs the completeness check of a
/// referral on demand, with the same effects as on intake (on hold and a CommunicationRequest when records are
/// missing, resumed when nothing is). Any caller who may read the referral may ask. Returns Parameters: complete,
/// one missing Coding per missing record kind, and per referral Task its reference, status and CommunicationRequest.
/// </summary>
internal sealed class CheckCompletenessOperation(
    IResourceStore store, AccessPolicy policy, CaseRecords records, InformationRequests requests, IResourceWriter writer) : IFhirOperation
{
    public string Name => "check-completeness";

    public OperationLevel Levels => OperationLevel.Instance;

    public IReadOnlyList<string> Types { get; } = ["ServiceRequest", "Task"];

    public string Definition => ReferralCanonicals.Base + "/OperationDefinition/check-completeness";

    public bool AffectsState => true;

    public async Task<OperationResult> ExecuteAsync(OperationRequest request, CancellationToken ct)
    {
        var key = new ResourceKey(request.Type!, request.Id!);
        policy.Require(key.Type, Permissions.Read);
        var current = await store.ReadCurrentAsync(key, ct);
        if (current is not null)
        {
            await policy.EnsureReadableAsync(store, key, ct);
        }

        if (current is null || current.IsDeleted)
        {
            throw current is null ? FhirException.NotFound(key.Type, key.Id) : FhirException.Gone(key.Type, key.Id, current.VersionId);
        }

        var outcomes = new List<CompletenessOutcome>();
        await using (var transaction = await store.BeginWriteAsync(ct))
        {
            foreach (var task in await TasksAsync(transaction, key, ct))
            {
                outcomes.Add(await requests.ApplyAsync(transaction, writer, task, ct));
            }

            await transaction.CommitAsync(ct);
        }

        return new OperationResult(Result(outcomes));
    }

    private async Task<IReadOnlyList<ResourceKey>> TasksAsync(IStoreWriteTransaction transaction, ResourceKey key, CancellationToken ct)
    {
        if (key.Type == "Task")
        {
            return [key];
        }

        var tasks = await records.FindAsync(transaction, "Task", [("focus", key.ToString()), ("_profile", ReferralCanonicals.TaskProfile)], 20, ct);
        return tasks.Count > 0
            ? [.. tasks.Select(id => new ResourceKey("Task", id))]
            : throw new FhirException(HttpStatusCode.UnprocessableEntity, OperationOutcome.IssueType.BusinessRule,
                $"{key} is not the focus of a referral Task (meta.profile {ReferralCanonicals.TaskProfile}); there is nothing to check.");
    }

    private static Parameters Result(IReadOnlyList<CompletenessOutcome> outcomes)
    {
        var parameters = new Parameters();
        var missing = outcomes.SelectMany(o => o.Missing).DistinctBy(m => m.Code).ToList();
        parameters.Add("complete", new FhirBoolean(missing.Count == 0));
        foreach (var record in missing)
        {
            parameters.Add("missing", new Coding(ReferralCanonicals.MissingRecordKind, record.Code, record.Display));
        }

        foreach (var outcome in outcomes)
        {
            var parts = new List<Tuple<string, Base>>
            {
                Tuple.Create("reference", (Base)new ResourceReference($"{outcome.Task}/_history/{outcome.TaskVersion.ToString(CultureInfo.InvariantCulture)}")),
                Tuple.Create("status", (Base)new Code(outcome.Status)),
            };
            if (outcome.CommunicationRequest is { } communication)
            {
                parts.Add(Tuple.Create("communicationRequest", (Base)new ResourceReference(communication.ToString())));
            }

            parameters.Add("task", parts);
        }

        return parameters;
    }
}
