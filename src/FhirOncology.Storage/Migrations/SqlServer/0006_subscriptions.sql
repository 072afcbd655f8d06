-- SQL Server flavour of Sqlite/0006_subscriptions.sql; keep the two in step.
CREATE TABLE SubscriptionOwner (
    SubscriptionId varchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    OrganizationId varchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    CONSTRAINT PK_SubscriptionOwner PRIMARY KEY (SubscriptionId, OrganizationId)
);
GO
CREATE TABLE SubscriptionNotification (
    NotificationId varchar(32)   COLLATE Latin1_General_100_BIN2 NOT NULL,
    SubscriptionId varchar(64)   COLLATE Latin1_General_100_BIN2 NOT NULL,
    Sequence       bigint        NOT NULL,
    ResourceType   varchar(64)   COLLATE Latin1_General_100_BIN2 NOT NULL,
    ResourceId     varchar(64)   COLLATE Latin1_General_100_BIN2 NOT NULL,
    VersionId      int           NOT NULL,
    State          varchar(16)   NOT NULL,
    Attempts       int           NOT NULL,
    NextAttemptAt  bigint        NOT NULL,
    CreatedAt      bigint        NOT NULL,
    CompletedAt    bigint        NULL,
    LastError      nvarchar(1000) NULL,
    CONSTRAINT PK_SubscriptionNotification PRIMARY KEY (NotificationId)
);
GO
CREATE INDEX IX_SubscriptionNotification_Due ON SubscriptionNotification (State, NextAttemptAt);
GO
CREATE INDEX IX_SubscriptionNotification_Queue ON SubscriptionNotification (SubscriptionId, State, Sequence);
GO
