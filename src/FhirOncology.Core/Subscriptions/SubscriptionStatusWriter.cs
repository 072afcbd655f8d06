using FhirOncology.Core.Interactions;
using FhirOncology.Core.Security;
using FhirOncology.Core.Serialization;
using FhirOncology.Core.Storage;
using Hl7.Fhir.Model;
using SubscriptionStatus = Hl7.Fhir.Model.Subscription.SubscriptionStatus;

namespace FhirOncology.Core.Subscriptions;

/// <summary>
/// The server's own changes to a Subscription (subscription.html, Subscription.status and Subscription.error): a
/// new version written as the server (no Provenance, owners unchanged), read and changed in one serialised write
/// transaction so a client's concurrent update is never lost. A Subscription that was deleted or turned off is
/// never brought back.
/// </summary>
public sealed class SubscriptionStatusWriter(IResourceStore store, ResourceService resources, FhirSerializer serializer)
{
    /// <summary>error: "The server has an error executing the notification"; Subscription.error: "A record of the last error".</summary>
    public Task MarkErrorAsync(string subscriptionId, string error, CancellationToken ct) =>
        ChangeAsync(subscriptionId, subscription =>
        {
            if (subscription.Status is not (SubscriptionStatus.Active or SubscriptionStatus.Error)
                || (subscription.Status == SubscriptionStatus.Error && subscription.Error == error))
            {
                return false;
            }

            subscription.Status = SubscriptionStatus.Error;
            subscription.Error = error;
            return true;
        }, ct);

    /// <summary>Back to active once a notification gets through; Subscription.error keeps the last error as a record.</summary>
    public Task MarkActiveAsync(string subscriptionId, CancellationToken ct) =>
        ChangeAsync(subscriptionId, subscription =>
        {
            if (subscription.Status != SubscriptionStatus.Error)
            {
                return false;
            }

            subscription.Status = SubscriptionStatus.Active;
            return true;
        }, ct);

    /// <summary>off, when Subscription.end has passed.</summary>
    public Task TurnOffAsync(string subscriptionId, CancellationToken ct) =>
        ChangeAsync(subscriptionId, subscription =>
        {
            if (subscription.Status is not (SubscriptionStatus.Active or SubscriptionStatus.Error))
            {
                return false;
            }

            subscription.Status = SubscriptionStatus.Off;
            return true;
        }, ct);

    private async Task ChangeAsync(string subscriptionId, Func<Subscription, bool> change, CancellationToken ct)
    {
        using var caller = CallerContext.Use(Caller.Internal);
        var key = new ResourceKey("Subscription", subscriptionId);
        await using var transaction = await store.BeginWriteAsync(ct);
        var current = await transaction.ReadCurrentAsync(key, ct);
        if (current is null || current.IsDeleted
            || serializer.Parse(current.Json.Span, FhirFormat.Json) is not Subscription subscription || !change(subscription))
        {
            return;
        }

        await resources.UpdateInTransactionAsync(transaction, key.Type, key.Id, subscription, current.VersionId, ct);
        await transaction.CommitAsync(ct);
    }
}
