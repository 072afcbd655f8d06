using System.Net;
using FhirOncology.Core.Errors;
using FhirOncology.Core.Search;
using FhirOncology.Core.Security;
using Hl7.Fhir.Model;

namespace FhirOncology.Core.Subscriptions;

/// <summary>
/// What a client may ask for in a Subscription, checked on every client create and update (the server's own
/// status writes skip it), and the server's answer to a request: subscription.html, Subscription.status — "A
/// client can only submit subscription resources in the requested or off state. Only the server can move a
/// subscription from requested to active, and then to error. Either the server or the client can turn a
/// subscription off."
/// </summary>
public sealed class SubscriptionRules(SubscriptionCriteria criteria, EndpointPolicy endpoints, AccessPolicy policy, TimeProvider clock)
{
    public const string FhirJson = "application/fhir+json";

    /// <summary>What the CapabilityStatement says of Subscription (CapabilityStatement.rest.resource.documentation).</summary>
    public const string Documentation =
        "R4 rest-hook Subscriptions. A client submits status requested or off; the server answers active (or off once end has passed), "
        + "sets error with Subscription.error when deliveries fail and active again after one succeeds. Criteria: a search on any served "
        + "type but Subscription, parsed strictly, without chains or _has; every create and update is matched in its own transaction (deletions notify nothing), "
        + "only against what the Subscription's owning organisation may see. channel.payload application/fhir+json: PUT "
        + "[endpoint]/[type]/[id] with the matching version; no payload: an empty POST to the endpoint; channel.header lines are sent. "
        + "Endpoints: absolute https URLs, under Subscriptions:AllowedEndpointPrefixes when set. Delivery from a persisted outbox, in "
        + "order per Subscription, retried with exponential backoff, dead-lettered after Subscriptions:MaxAttempts attempts.";

    /// <summary>Rejects what this server cannot honour, then activates a requested Subscription (or turns it off when its end has passed).</summary>
    public void Accept(Subscription subscription)
    {
        if (subscription.Status is not (Subscription.SubscriptionStatus.Requested or Subscription.SubscriptionStatus.Off))
        {
            throw FhirException.BadRequest(
                "A client can only submit a Subscription with status 'requested' or 'off'; the server makes it active (subscription.html, Subscription.status).",
                "Subscription.status");
        }

        var channel = subscription.Channel
            ?? throw FhirException.BadRequest("Subscription.channel is required.", "Subscription.channel");
        if (channel.Type != Subscription.SubscriptionChannelType.RestHook)
        {
            throw new FhirException(HttpStatusCode.BadRequest, OperationOutcome.IssueType.NotSupported,
                "This server supports only the rest-hook channel.", "Subscription.channel.type");
        }

        endpoints.Require(channel.Endpoint);
        if (!IsSupportedPayload(channel.Payload))
        {
            throw new FhirException(HttpStatusCode.BadRequest, OperationOutcome.IssueType.NotSupported,
                $"channel.payload must be {FhirJson} or absent (an empty notification).", "Subscription.channel.payload");
        }

        ChannelHeaders.Parse(channel.Header);
        EnsureMayFollow(criteria.Parse(subscription.Criteria).Type);

        if (subscription.Status == Subscription.SubscriptionStatus.Requested)
        {
            // Subscription.end: "The time for the server to turn the subscription off."
            var ended = subscription.End is { } end && end <= clock.GetUtcNow();
            subscription.Status = ended ? Subscription.SubscriptionStatus.Off : Subscription.SubscriptionStatus.Active;
            subscription.Error = null;
        }
    }

    public static bool IsSupportedPayload(string? payload) =>
        payload is null || payload == FhirJson || payload.StartsWith(FhirJson + ";", StringComparison.Ordinal);

    /// <summary>
    /// Notifications carry what the criteria match, so the client must be allowed to read and search that type —
    /// without query or patient constraints, which this server does not keep with the Subscription (fail closed).
    /// Its organisations bound what is sent (see <see cref="SubscriptionWriteHook"/>).
    /// </summary>
    private void EnsureMayFollow(string type)
    {
        var clauses = policy.Require(type, Permissions.Read | Permissions.Search);
        if (clauses.Any(clause => clause is not OrganizationAccessClause))
        {
            throw AccessPolicy.Forbidden(
                $"A Subscription on {type} needs a read and search scope on {type} without query or patient constraints.");
        }
    }
}
