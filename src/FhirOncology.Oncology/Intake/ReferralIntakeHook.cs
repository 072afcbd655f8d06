using System.Net;
using FhirOncology.Core.Errors;
using FhirOncology.Core.Interactions;
using FhirOncology.Core.Security;
using FhirOncology.Core.Storage;
using FhirOncology.Core.Transactions;
using FhirOncology.Oncology.Referrals;
using FhirOncology.Oncology.Workflow;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;

namespace FhirOncology.Oncology.Intake;

/// <summary>
/// Intake of a referral transaction Bundle (issue #6, Intake; DOMAIN.md §1.1): one that creates a resource claiming
/// our referral ServiceRequest or referral Task profile (a Bundle that only updates them is not a submission; the
/// write hooks check such updates). Before anything is written: the
/// <see cref="IntakeRules"/> (violations: 422 with an OperationOutcome naming each entry; nothing stored), then a
/// resubmission is answered with what the first submission stored (<see cref="Resubmissions"/>). After the entries
/// were written, in the same transaction: the completeness check on the new Task, which may put it on hold and ask
/// the referrer for what is missing (<see cref="InformationRequests"/>).
/// </summary>
internal sealed class ReferralIntakeHook(
    Resubmissions resubmissions, InformationRequests requests, IResourceWriter writer, CallerContext callers, IOptions<ReferralOptions> options)
    : ITransactionHook
{
    public async Task<Bundle?> BeforeTransactionAsync(TransactionContext context, CancellationToken ct)
    {
        if (ReferralBundle.TryRead(context.Bundle) is not { } referral || !await SubmitsAsync(context.Transaction, referral, ct))
        {
            return null;
        }

        var issues = IntakeRules.Check(referral, options.Value.ReviewingOrganizations);
        if (issues.Count > 0)
        {
            throw new FhirException(HttpStatusCode.UnprocessableEntity, issues);
        }

        return await resubmissions.AnswerAsync(context.Transaction, referral, context.Bundle, callers.Current, context.BaseUrl, ct);
    }

    public async Task AfterTransactionAsync(TransactionContext context, IReadOnlyList<ResourceKey?> written, CancellationToken ct)
    {
        if (ReferralBundle.TryRead(context.Bundle)?.Task is { } task && written[task.Index] is { Type: "Task" } key
            && await context.Transaction.ReadCurrentAsync(key, ct) is { VersionId: 1 })
        {
            await requests.ApplyAsync(context.Transaction, writer, key, ct);
        }
    }

    /// <summary>
    /// Whether the Bundle submits a referral, rather than, say, updating a referral Task: it creates a referral
    /// ServiceRequest or Task (POST, or PUT of an id not stored yet). Conditional PUTs are updates.
    /// </summary>
    private static async Task<bool> SubmitsAsync(IStoreWriteTransaction transaction, ReferralBundle referral, CancellationToken ct)
    {
        foreach (var entry in referral.WorkflowEntries)
        {
            if (entry.Method == Bundle.HTTPVerb.POST
                || (LocalReference.TryParse(entry.LiteralId) is { } key && await transaction.ReadCurrentAsync(key, ct) is null or { IsDeleted: true }))
            {
                return true;
            }
        }

        return false;
    }
}
