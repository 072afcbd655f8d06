using FhirOncology.Core.Interactions;
using FhirOncology.Core.Security;
using FhirOncology.Core.Storage;
using Hl7.Fhir.Model;

namespace FhirOncology.Core.Subscriptions;

/// <summary>
/// R4 Subscriptions inside every write (subscription.html: "the server checks every resource that is created or
/// updated, and if the resource matches the given criteria, it sends a message on the defined channel"):
/// <list type="bullet">
/// <item>a client's Subscription is checked and activated (<see cref="SubscriptionRules"/>), and the client's
/// organisations become its owners — the server's own status writes leave both alone;</item>
/// <item>any other created or updated resource is matched against each notifying Subscription on its type —
/// the criteria plus <c>_id</c>, run in this transaction — and limited to what the Subscription's owners may see
/// (organisation isolation, issue #5); a match queues a notification in the outbox, in this transaction, so a
/// committed change always has its notifications and a rolled-back one never does.</item>
/// </list>
/// Deletions notify nothing: what matches is the current resource, and a deleted one has none.
/// </summary>
public sealed class SubscriptionWriteHook(
    SubscriptionRules rules, SubscriptionCache cache, SubscriptionCriteria criteria, ISubscriptionStore store,
    SubscriptionExpiry expiry, NotificationSequence sequence, TimeProvider clock) : IWriteHook
{
    private const string SubscriptionType = "Subscription";

    public Task BeforeSaveAsync(WriteContext context, CancellationToken ct)
    {
        if (context.Resource is Subscription subscription && !context.Caller.IsInternal)
        {
            rules.Accept(subscription);
        }

        return Task.CompletedTask;
    }

    public async Task AfterSaveAsync(WriteContext context, CancellationToken ct)
    {
        if (context.Key.Type == SubscriptionType)
        {
            if (context.Resource is Subscription subscription && !context.Caller.IsInternal)
            {
                await store.SetOwnersAsync(context.Transaction, context.Key.Id, context.Caller.OrganizationIds, ct);
                expiry.Consider(subscription.End);
            }

            return;
        }

        if (context.Resource is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var subscription in await cache.ForTypeAsync(context.Transaction, context.Key.Type, ct))
        {
            if (subscription.Owners.Count == 0 || subscription.End <= now)
            {
                continue; // no organisation to bound it (fail closed), or ended
            }

            var clauses = criteria.ForResource(subscription.Criteria, context.Key.Id)
                .Concat(AccessPolicy.VisibilityClauses(context.Key.Type, subscription.Owners)).ToList();
            var matches = await context.Transaction.FindCurrentIdsAsync(context.Key.Type, clauses, 1, ct);
            if (matches.Count > 0)
            {
                await store.EnqueueAsync(context.Transaction, NewNotification(subscription.Id, context.Key, context.VersionId, now), ct);
            }
        }
    }

    private Notification NewNotification(string subscriptionId, ResourceKey resource, int versionId, DateTimeOffset now) => new(
        Guid.CreateVersion7().ToString("N"), subscriptionId, sequence.Next(), resource, versionId, NotificationState.Pending,
        Attempts: 0, NextAttemptAt: now, CreatedAt: now, CompletedAt: null, LastError: null);
}
