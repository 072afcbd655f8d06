using FhirOncology.Core.Errors;
using FhirOncology.Core.Serialization;
using FhirOncology.Core.Storage;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Logging;

namespace FhirOncology.Core.Subscriptions;

/// <summary>
/// The notifying Subscriptions by criteria type, loaded once and reused while the stored set is unchanged. Every
/// write reads the store's <see cref="SubscriptionSetStamp"/> inside its own transaction, so a Subscription written
/// — by this server or another on the same database — invalidates the cache for the next write, the writing
/// transaction sees its own uncommitted Subscriptions, and a rolled-back one never matches again (its stamp never
/// recurs).
/// </summary>
public sealed partial class SubscriptionCache(
    ISubscriptionStore store, SubscriptionCriteria criteria, FhirSerializer serializer, ILogger<SubscriptionCache> logger)
{
    private volatile Snapshot? _snapshot;

    public async Task<IReadOnlyList<ActiveSubscription>> ForTypeAsync(IStoreWriteTransaction transaction, string type, CancellationToken ct)
    {
        var stamp = await store.ReadStampAsync(transaction, ct);
        var snapshot = _snapshot;
        if (snapshot is null || snapshot.Stamp != stamp)
        {
            snapshot = new Snapshot(stamp, Group(await store.ReadSubscriptionsAsync(transaction, ct)));
            _snapshot = snapshot;
        }

        return snapshot.ByType.TryGetValue(type, out var subscriptions) ? subscriptions : [];
    }

    /// <summary>The Subscription in a stored version, or null when it cannot be read as one.</summary>
    public Subscription? Parse(ResourceVersion version) =>
        version.IsDeleted ? null : serializer.Parse(version.Json.Span, FhirFormat.Json) as Subscription;

    public static bool IsNotifying(Subscription subscription) =>
        subscription.Status is Subscription.SubscriptionStatus.Active or Subscription.SubscriptionStatus.Error
        && subscription.Channel?.Type == Subscription.SubscriptionChannelType.RestHook;

    private Dictionary<string, IReadOnlyList<ActiveSubscription>> Group(IReadOnlyList<StoredSubscription> stored)
    {
        var active = new List<ActiveSubscription>();
        foreach (var (version, owners) in stored)
        {
            if (Parse(version) is not { } subscription || !IsNotifying(subscription))
            {
                continue;
            }

            try
            {
                active.Add(new ActiveSubscription(version.Key.Id, criteria.Parse(subscription.Criteria), owners, subscription.End));
            }
            catch (FhirException)
            {
                // Accepted once, no longer evaluable (a type or search parameter was withdrawn): never widen it.
                LogUnusableCriteria(version.Key.Id);
            }
        }

        return active.GroupBy(subscription => subscription.Criteria.Type, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => (IReadOnlyList<ActiveSubscription>)[.. group], StringComparer.Ordinal);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscription/{SubscriptionId} has criteria this server can no longer evaluate; it notifies nothing")]
    private partial void LogUnusableCriteria(string subscriptionId);

    private sealed record Snapshot(SubscriptionSetStamp Stamp, Dictionary<string, IReadOnlyList<ActiveSubscription>> ByType);
}
