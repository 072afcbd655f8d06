namespace FhirOncology.Core.Subscriptions;

/// <summary>
/// A Subscription the server notifies (status active, or error: still in force while its endpoint fails), as
/// matching needs it: criteria parsed once, the organisations whose view bounds it, and when it ends.
/// </summary>
public sealed record ActiveSubscription(string Id, ParsedCriteria Criteria, IReadOnlyList<string> Owners, DateTimeOffset? End);
