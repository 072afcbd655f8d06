using System.Data.Common;
using Dapper;
using FhirOncology.Core.Storage;
using FhirOncology.Core.Subscriptions;
using FhirOncology.Storage.Dialects;
using FhirOncology.Storage.Resources;

namespace FhirOncology.Storage.Subscriptions;

/// <summary>
/// The <see cref="ISubscriptionStore"/> on Dapper. Work inside a write runs on that write's own connection and
/// transaction (every <see cref="IStoreWriteTransaction"/> of this server is a <see cref="DapperWriteTransaction"/>).
/// The stamp and the Subscriptions are read without lock hints: they run in every write, and locking every
/// Subscription row there would serialise all writers on SQL Server.
/// </summary>
internal sealed class DapperSubscriptionStore(SqlDialect dialect) : ISubscriptionStore
{
    private const string SubscriptionType = "Subscription";

    public async Task<SubscriptionSetStamp> ReadStampAsync(IStoreWriteTransaction transaction, CancellationToken cancellationToken)
    {
        var write = (DapperWriteTransaction)transaction;
        var row = await write.Connection.QuerySingleAsync<StampRow>(new CommandDefinition(
            SubscriptionSql.Stamp, new { Type = SubscriptionType }, write.Transaction, cancellationToken: cancellationToken));
        return new SubscriptionSetStamp(row.Versions, row.Latest);
    }

    public async Task<IReadOnlyList<StoredSubscription>> ReadSubscriptionsAsync(IStoreWriteTransaction? transaction, CancellationToken cancellationToken)
    {
        var write = transaction as DapperWriteTransaction;
        var connection = write?.Connection ?? await dialect.OpenAsync(cancellationToken);
        try
        {
            var rows = await connection.QueryAsync<ResourceRow>(new CommandDefinition(
                SubscriptionSql.Current, new { Type = SubscriptionType }, write?.Transaction, cancellationToken: cancellationToken));
            var owners = (await connection.QueryAsync<(string SubscriptionId, string OrganizationId)>(new CommandDefinition(
                    SubscriptionSql.Owners, transaction: write?.Transaction, cancellationToken: cancellationToken)))
                .ToLookup(owner => owner.SubscriptionId, owner => owner.OrganizationId, StringComparer.Ordinal);
            return [.. rows.Select(row => new StoredSubscription(row.ToVersion(), [.. owners[row.ResourceId]]))];
        }
        finally
        {
            if (write is null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    public async Task SetOwnersAsync(
        IStoreWriteTransaction transaction, string subscriptionId, IReadOnlyList<string> organizationIds, CancellationToken cancellationToken)
    {
        var write = (DapperWriteTransaction)transaction;
        await write.Connection.ExecuteAsync(new CommandDefinition(
            SubscriptionSql.ClearOwners, new { SubscriptionId = subscriptionId }, write.Transaction, cancellationToken: cancellationToken));
        foreach (var organizationId in organizationIds.Distinct(StringComparer.Ordinal))
        {
            await write.Connection.ExecuteAsync(new CommandDefinition(SubscriptionSql.AddOwner,
                new { SubscriptionId = subscriptionId, OrganizationId = organizationId }, write.Transaction, cancellationToken: cancellationToken));
        }
    }

    public Task EnqueueAsync(IStoreWriteTransaction transaction, Notification notification, CancellationToken cancellationToken)
    {
        var write = (DapperWriteTransaction)transaction;
        return write.Connection.ExecuteAsync(new CommandDefinition(
            SubscriptionSql.Enqueue, NotificationRow.From(notification), write.Transaction, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<Notification>> ClaimDueAsync(
        DateTimeOffset now, DateTimeOffset leaseUntil, int take, CancellationToken cancellationToken)
    {
        var parameters = new { Pending = NotificationRow.Pending, Now = now.ToUnixTimeMilliseconds(), Take = take };
        await using var connection = await dialect.OpenAsync(cancellationToken);
        // A plain read first: most polls find nothing, and must not take SQLite's write lock for it.
        if (!(await connection.QueryAsync<int>(new CommandDefinition(
                dialect.SelectTop("1", SubscriptionSql.AnyDue), parameters, cancellationToken: cancellationToken))).Any())
        {
            return [];
        }

        await using var transaction = await dialect.BeginWriteAsync(connection, cancellationToken);
        var candidates = await connection.QueryAsync<NotificationRow>(new CommandDefinition(
            dialect.SelectTop(SubscriptionSql.Columns, $"FROM SubscriptionNotification n{dialect.WriteLockHint} {SubscriptionSql.DueHeads}"),
            parameters, transaction, cancellationToken: cancellationToken));
        var claimed = new List<Notification>();
        foreach (var row in candidates)
        {
            var updated = await connection.ExecuteAsync(new CommandDefinition(SubscriptionSql.Claim, new
            {
                row.NotificationId, Pending = NotificationRow.Pending, Seen = row.NextAttemptAt, LeaseUntil = leaseUntil.ToUnixTimeMilliseconds(),
            }, transaction, cancellationToken: cancellationToken));
            if (updated == 1)
            {
                claimed.Add(row.ToNotification() with { Attempts = checked((int)row.Attempts + 1), NextAttemptAt = leaseUntil });
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }

    public Task RescheduleAsync(string notificationId, DateTimeOffset nextAttemptAt, string? lastError, CancellationToken cancellationToken) =>
        ExecuteAsync(SubscriptionSql.Reschedule, new
        {
            NotificationId = notificationId, Pending = NotificationRow.Pending, NextAttemptAt = nextAttemptAt.ToUnixTimeMilliseconds(),
            LastError = NotificationRow.Clip(lastError),
        }, cancellationToken);

    public Task CompleteAsync(
        string notificationId, NotificationState state, DateTimeOffset completedAt, string? lastError, CancellationToken cancellationToken) =>
        ExecuteAsync(SubscriptionSql.Complete, new
        {
            NotificationId = notificationId, Pending = NotificationRow.Pending, State = NotificationRow.Format(state),
            CompletedAt = completedAt.ToUnixTimeMilliseconds(), LastError = NotificationRow.Clip(lastError),
        }, cancellationToken);

    public async Task<IReadOnlyList<Notification>> ReadNotificationsAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<NotificationRow>(new CommandDefinition(
            SubscriptionSql.OfSubscription, new { SubscriptionId = subscriptionId }, cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToNotification())];
    }

    public Task<int> PurgeCompletedAsync(DateTimeOffset completedBefore, CancellationToken cancellationToken) =>
        ExecuteAsync(SubscriptionSql.Purge, new
        {
            Delivered = NotificationRow.Delivered, Cancelled = NotificationRow.Cancelled, Before = completedBefore.ToUnixTimeMilliseconds(),
        }, cancellationToken);

    private async Task<int> ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using DbConnection connection = await dialect.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }

    private sealed class StampRow
    {
        public long Versions { get; init; }

        public long Latest { get; init; }
    }
}
