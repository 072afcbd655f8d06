using FhirOncology.Core.Storage;
using FhirOncology.Core.Subscriptions;
using Microsoft.Extensions.DependencyInjection;

namespace FhirOncology.IntegrationTests.Storage;

/// <summary>The Subscription outbox and owners (migration 0006), on every database.</summary>
public abstract partial class ResourceStoreContract
{
    private ISubscriptionStore Outbox => _provider!.GetRequiredService<ISubscriptionStore>();

    private static Notification Pending(string subscriptionId, long sequence, DateTimeOffset due) => new(
        Guid.CreateVersion7().ToString("N"), subscriptionId, sequence, NewKey("Task"), 1, NotificationState.Pending, 0, due, due, null, null);

    private static DateTimeOffset Ms(DateTimeOffset instant) => DateTimeOffset.FromUnixTimeMilliseconds(instant.ToUnixTimeMilliseconds());

    [Fact]
    public async Task Outbox_EnqueuedInAWrite_CommitsAndRollsBackWithIt()
    {
        _ = Store;
        var (rolledBack, committed) = (Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"));
        var due = Ms(DateTimeOffset.UtcNow);
        await using (var transaction = await Store.BeginWriteAsync(Ct))
        {
            await Outbox.EnqueueAsync(transaction, Pending(rolledBack, 1, due), Ct);
        }

        await using (var transaction = await Store.BeginWriteAsync(Ct))
        {
            await Outbox.EnqueueAsync(transaction, Pending(committed, 1, due), Ct);
            await transaction.CommitAsync(Ct);
        }

        Assert.Empty(await Outbox.ReadNotificationsAsync(rolledBack, Ct));
        var stored = Assert.Single(await Outbox.ReadNotificationsAsync(committed, Ct));
        Assert.Equal((NotificationState.Pending, 0, due, null), (stored.State, stored.Attempts, stored.NextAttemptAt, stored.LastError));
    }

    [Fact]
    public async Task Outbox_Claim_TakesTheOldestPendingOfEachSubscription_CountsTheAttempt_AndLeasesIt()
    {
        _ = Store;
        var (s, t) = (Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"));
        var now = Ms(DateTimeOffset.UtcNow);
        var (first, second, other) = (Pending(s, 10, now.AddSeconds(-5)), Pending(s, 11, now.AddSeconds(-9)), Pending(t, 12, now.AddSeconds(-1)));
        var later = Pending(t, 13, now.AddMinutes(5));
        await using (var transaction = await Store.BeginWriteAsync(Ct))
        {
            foreach (var notification in new[] { first, second, other, later })
            {
                await Outbox.EnqueueAsync(transaction, notification, Ct);
            }

            await transaction.CommitAsync(Ct);
        }

        var lease = now.AddSeconds(30);
        var claimed = Ours(await Outbox.ClaimDueAsync(now, lease, 100, Ct), s, t);
        Assert.Equal(new[] { first.NotificationId, other.NotificationId }.Order(), claimed.Select(n => n.NotificationId).Order());
        Assert.All(claimed, n => Assert.Equal((1, lease), (n.Attempts, n.NextAttemptAt)));
        Assert.Empty(Ours(await Outbox.ClaimDueAsync(now, lease, 100, Ct), s, t)); // leased, and the second waits for the first

        await Outbox.CompleteAsync(first.NotificationId, NotificationState.Delivered, now, null, Ct);
        await Outbox.RescheduleAsync(other.NotificationId, now.AddSeconds(-1), "HTTP 500 from ehr.test", Ct);
        var next = Ours(await Outbox.ClaimDueAsync(now, lease, 100, Ct), s, t);
        Assert.Equal(new[] { other.NotificationId, second.NotificationId }.Order(), next.Select(n => n.NotificationId).Order());
        Assert.Equal((2, "HTTP 500 from ehr.test"), (next.Single(n => n.NotificationId == other.NotificationId).Attempts, next.Single(n => n.NotificationId == other.NotificationId).LastError));

        await Outbox.CompleteAsync(other.NotificationId, NotificationState.Dead, now, "HTTP 500 from ehr.test", Ct);
        Assert.Equal([NotificationState.Dead, NotificationState.Pending], (await Outbox.ReadNotificationsAsync(t, Ct)).Select(n => n.State));
        Assert.True(await Outbox.PurgeCompletedAsync(now.AddSeconds(1), Ct) >= 1); // the delivered one goes; the dead letter stays
        Assert.Equal([second.NotificationId], (await Outbox.ReadNotificationsAsync(s, Ct)).Select(n => n.NotificationId));
        Assert.Equal(NotificationState.Dead, (await Outbox.ReadNotificationsAsync(t, Ct))[0].State);
    }

    [Fact]
    public async Task SubscriptionStamp_ChangesWithEverySubscriptionWrite_AndOwnersAreRead()
    {
        var key = NewKey("Subscription");
        SubscriptionSetStamp before;
        await using (var transaction = await Store.BeginWriteAsync(Ct))
        {
            before = await Outbox.ReadStampAsync(transaction, Ct);
            await transaction.SaveAsync(Version(key, 1, WriteMethod.Create), Ct);
            await Outbox.SetOwnersAsync(transaction, key.Id, ["org-a", "org-b"], Ct);
            Assert.NotEqual(before, await Outbox.ReadStampAsync(transaction, Ct)); // the writer sees its own change
            await transaction.CommitAsync(Ct);
        }

        SubscriptionSetStamp afterCreate;
        await using (var transaction = await Store.BeginWriteAsync(Ct))
        {
            afterCreate = await Outbox.ReadStampAsync(transaction, Ct);
            await transaction.SaveAsync(Version(key, 2, WriteMethod.Update), Ct);
            await Outbox.SetOwnersAsync(transaction, key.Id, ["org-c"], Ct);
            await transaction.CommitAsync(Ct);
        }

        await using (var transaction = await Store.BeginWriteAsync(Ct))
        {
            Assert.NotEqual(afterCreate, await Outbox.ReadStampAsync(transaction, Ct));
        }

        var stored = Assert.Single(await Outbox.ReadSubscriptionsAsync(null, Ct), s => s.Version.Key == key);
        Assert.Equal(2, stored.Version.VersionId);
        Assert.Equal(["org-c"], stored.Owners);
    }

    private static List<Notification> Ours(IReadOnlyList<Notification> claimed, params string[] subscriptionIds) =>
        [.. claimed.Where(n => subscriptionIds.Contains(n.SubscriptionId))];
}
