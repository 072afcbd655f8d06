using FhirOncology.Storage.Resources;

namespace FhirOncology.Storage.Subscriptions;

/// <summary>The SQL of Subscriptions (migration 0006), shared by every dialect; every value is a parameter.</summary>
internal static class SubscriptionSql
{
    public const string Stamp =
        "SELECT COUNT(*) AS Versions, COALESCE(MAX(ResourceSurrogateId), 0) AS Latest FROM Resource WHERE ResourceType = @Type";

    public const string Current =
        $"SELECT {ResourceSql.Columns} FROM Resource WHERE ResourceType = @Type AND IsHistory = 0 AND IsDeleted = 0";

    public const string Owners = "SELECT SubscriptionId, OrganizationId FROM SubscriptionOwner";

    public const string ClearOwners = "DELETE FROM SubscriptionOwner WHERE SubscriptionId = @SubscriptionId";

    public const string AddOwner = "INSERT INTO SubscriptionOwner (SubscriptionId, OrganizationId) VALUES (@SubscriptionId, @OrganizationId)";

    public const string Columns =
        "NotificationId, SubscriptionId, Sequence, ResourceType, ResourceId, VersionId, State, Attempts, NextAttemptAt, CreatedAt, CompletedAt, LastError";

    public const string Enqueue =
        $"INSERT INTO SubscriptionNotification ({Columns}) VALUES (@NotificationId, @SubscriptionId, @Sequence, @ResourceType, @ResourceId, "
        + "@VersionId, @State, @Attempts, @NextAttemptAt, @CreatedAt, @CompletedAt, @LastError)";

    public const string AnyDue = "FROM SubscriptionNotification WHERE State = @Pending AND NextAttemptAt <= @Now";

    /// <summary>Due and the oldest pending notification of its Subscription: each endpoint gets its notifications in order.</summary>
    public const string DueHeads =
        "WHERE n.State = @Pending AND n.NextAttemptAt <= @Now AND NOT EXISTS (SELECT 1 FROM SubscriptionNotification o "
        + "WHERE o.SubscriptionId = n.SubscriptionId AND o.State = @Pending AND o.Sequence < n.Sequence) ORDER BY n.NextAttemptAt, n.Sequence";

    /// <summary>Only if nobody claimed or changed it since it was read.</summary>
    public const string Claim =
        "UPDATE SubscriptionNotification SET Attempts = Attempts + 1, NextAttemptAt = @LeaseUntil "
        + "WHERE NotificationId = @NotificationId AND State = @Pending AND NextAttemptAt = @Seen";

    public const string Reschedule =
        "UPDATE SubscriptionNotification SET NextAttemptAt = @NextAttemptAt, LastError = @LastError "
        + "WHERE NotificationId = @NotificationId AND State = @Pending";

    public const string Complete =
        "UPDATE SubscriptionNotification SET State = @State, CompletedAt = @CompletedAt, LastError = COALESCE(@LastError, LastError) "
        + "WHERE NotificationId = @NotificationId AND State = @Pending";

    public const string OfSubscription =
        $"SELECT {Columns} FROM SubscriptionNotification WHERE SubscriptionId = @SubscriptionId ORDER BY Sequence";

    public const string Purge =
        "DELETE FROM SubscriptionNotification WHERE State IN (@Delivered, @Cancelled) AND CompletedAt < @Before";
}
