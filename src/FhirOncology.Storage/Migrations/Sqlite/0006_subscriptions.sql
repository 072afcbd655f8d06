-- R4 Subscriptions (subscription.html). SubscriptionOwner: the organisations of the client that last wrote each
-- Subscription; their view bounds what it is notified of. SubscriptionNotification: the outbox, written in the
-- same transaction as the change it reports, worked by the delivery service. State is pending | delivered |
-- dead (the dead-letter state, after Subscriptions:MaxAttempts) | cancelled; times are Unix milliseconds (UTC).
CREATE TABLE SubscriptionOwner (
    SubscriptionId TEXT NOT NULL,
    OrganizationId TEXT NOT NULL,
    PRIMARY KEY (SubscriptionId, OrganizationId)
) WITHOUT ROWID;

CREATE TABLE SubscriptionNotification (
    NotificationId TEXT    NOT NULL PRIMARY KEY,
    SubscriptionId TEXT    NOT NULL,
    Sequence       INTEGER NOT NULL,
    ResourceType   TEXT    NOT NULL,
    ResourceId     TEXT    NOT NULL,
    VersionId      INTEGER NOT NULL,
    State          TEXT    NOT NULL,
    Attempts       INTEGER NOT NULL,
    NextAttemptAt  INTEGER NOT NULL,
    CreatedAt      INTEGER NOT NULL,
    CompletedAt    INTEGER NULL,
    LastError      TEXT    NULL
);
CREATE INDEX IX_SubscriptionNotification_Due ON SubscriptionNotification (State, NextAttemptAt);
CREATE INDEX IX_SubscriptionNotification_Queue ON SubscriptionNotification (SubscriptionId, State, Sequence);
