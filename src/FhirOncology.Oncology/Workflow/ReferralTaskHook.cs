using System.Globalization;
using System.Net;
using FhirOncology.Core.Errors;
using FhirOncology.Core.Interactions;
using FhirOncology.Core.Security;
using FhirOncology.Oncology.Intake;
using FhirOncology.Oncology.Referrals;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;
using FhirTask = Hl7.Fhir.Model.Task;

namespace FhirOncology.Oncology.Workflow;

/// <summary>
/// Enforces the referral Task's state machine (<see cref="TaskTransitions"/>; task.html#statemachine) on every write
/// of a Task that claims, or claimed, our referral-task profile — create, update, patch and transaction entries alike,
/// reading the version before through the write's transaction. Illegal changes give 422 (http.html#update: "server
/// business rules"; business-rule), a legal change by the wrong party 403 (forbidden). The server itself
/// (<see cref="Caller.Internal"/>) is not restricted. Also: a referral Task is created as requested, owned by a
/// reviewing organisation; its focus, for, requester and owner never change; only the owner changes businessStatus
/// and output; it is cancelled, not deleted; and restriction.period is the server's from acceptance on (due date:
/// Referrals:ReviewBusinessDays business days after the day of acceptance).
/// </summary>
internal sealed class ReferralTaskHook(
    CaseRecords records, ReferralParties parties, TaskHistory history, InformationRequests requests, IOptions<ReferralOptions> options, TimeProvider clock)
    : IWriteHook
{
    public async Task BeforeSaveAsync(WriteContext context, CancellationToken ct)
    {
        if (context.Key.Type != "Task")
        {
            return;
        }

        var previous = context.VersionId > 1 ? await records.ReadAsync<FhirTask>(context.Transaction, context.Key, ct) : null;
        var next = context.Resource as FhirTask;
        if (!ReferralResources.IsReferralTask(previous) && !ReferralResources.IsReferralTask(next))
        {
            return;
        }

        var caller = context.Caller;
        if (next is null)
        {
            if (!caller.IsInternal)
            {
                throw Illegal("A referral Task is not deleted: the requesting organisation cancels it (status cancelled).", "Task");
            }

            return;
        }

        if (previous is null)
        {
            EnsureCreatable(next, caller);
            return;
        }

        EnsureSameParties(previous, next);
        var (from, to) = (previous.Status.Code(), next.Status.Code());
        if (!caller.IsInternal)
        {
            if (from != to)
            {
                await EnsureTransitionAsync(context, previous, from, to, ct);
            }

            EnsureOwnerOnlyChanges(caller, previous, next);
        }

        SetRestriction(previous, next, from, to);
    }

    /// <summary>A referral that ended needs no more records: its open CommunicationRequests are revoked.</summary>
    public async Task AfterSaveAsync(WriteContext context, CancellationToken ct)
    {
        if (context.Resource is FhirTask task && ReferralResources.IsReferralTask(task) && TaskTransitions.Final.Contains(task.Status.Code()))
        {
            await requests.RevokeOpenAsync(context.Transaction, context.Writer, context.Key, ct);
        }
    }

    private void EnsureCreatable(FhirTask task, Caller caller)
    {
        if (caller.IsInternal)
        {
            return; // the server's own data (e.g. demo cases) may start anywhere
        }

        if (task.Status.Code() != TaskTransitions.Requested)
        {
            throw Illegal($"A referral Task is created with status requested (task.html#statemachine: the requester places it, the owner takes it from there); got {task.Status.Code()}.", "Task.status");
        }

        if (IntakeRules.OwnerProblem(task, options.Value.ReviewingOrganizations) is { } problem)
        {
            throw Illegal(problem, "Task.owner");
        }
    }

    private static void EnsureSameParties(FhirTask previous, FhirTask next)
    {
        foreach (var (name, before, after) in new[]
        {
            ("focus", previous.Focus, next.Focus), ("for", previous.For, next.For),
            ("requester", previous.Requester, next.Requester), ("owner", previous.Owner, next.Owner),
        })
        {
            if (before?.Reference != after?.Reference)
            {
                throw Illegal($"Task.{name} of a referral Task does not change (was '{before?.Reference}', got '{after?.Reference}').", "Task." + name);
            }
        }
    }

    private async Task EnsureTransitionAsync(WriteContext context, FhirTask previous, string from, string to, CancellationToken ct)
    {
        var candidates = TaskTransitions.Between(from, to);
        if (candidates.Count == 0)
        {
            var allowed = string.Join(", ", TaskTransitions.From(from));
            throw Illegal($"A referral Task cannot go from {from} to {to} (task.html#statemachine); from {from} it can go to: {(allowed.Length == 0 ? "nothing (final)" : allowed)}.", "Task.status");
        }

        var caller = context.Caller;
        var isOwner = ReferralParties.IsOwner(caller, previous);
        if (candidates.Any(t => t.Party == TaskParty.Owner) && isOwner)
        {
            if (from == TaskTransitions.OnHold
                && await history.StatusBeforeHoldAsync(context.Transaction, context.Key, context.VersionId - 1, ct) is var before
                && before != TaskTransitions.InProgress)
            {
                throw Illegal($"The Task went on hold while {before}; it resumes by itself when the missing records arrive, not to in-progress.", "Task.status");
            }

            return;
        }

        if (candidates.Any(t => t.Party == TaskParty.Requester) && await parties.IsRequesterAsync(context.Transaction, caller, context.Key, previous, ct))
        {
            return;
        }

        var who = string.Join(" or ", candidates.Select(t => TaskTransitions.Describe(t.Party)).Distinct());
        throw AccessPolicy.Forbidden($"Only {who} may move a referral Task from {from} to {to}.");
    }

    private static void EnsureOwnerOnlyChanges(Caller caller, FhirTask previous, FhirTask next)
    {
        if (ReferralParties.IsOwner(caller, previous))
        {
            return;
        }

        if (!Same(previous.BusinessStatus, next.BusinessStatus) || previous.Output.Count != next.Output.Count
            || previous.Output.Zip(next.Output).Any(pair => !pair.First.IsExactly(pair.Second)))
        {
            throw AccessPolicy.Forbidden("Only the reviewing organisation (Task.owner) changes a referral Task's businessStatus and output.");
        }
    }

    /// <summary>
    /// restriction: as the requester created it, until acceptance sets period to [acceptance day, due date]: the day
    /// Referrals:ReviewBusinessDays business days later. Updates never change it otherwise (it is kept as stored).
    /// </summary>
    private void SetRestriction(FhirTask previous, FhirTask next, string from, string to)
    {
        if (to == TaskTransitions.Accepted && from != TaskTransitions.Accepted)
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var due = DueDates.AddBusinessDays(today, options.Value.ReviewBusinessDays);
            next.Restriction ??= new FhirTask.RestrictionComponent();
            next.Restriction.Period = new Period(new FhirDateTime(Date(today)), new FhirDateTime(Date(due)));
            return;
        }

        next.Restriction = (FhirTask.RestrictionComponent?)previous.Restriction?.DeepCopy();
    }

    private static bool Same(Base? a, Base? b) => a is null ? b is null : b is not null && a.IsExactly(b);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static FhirException Illegal(string message, string expression) =>
        new(HttpStatusCode.UnprocessableEntity, OperationOutcome.IssueType.BusinessRule, message, expression);
}
