-- SQL Server flavour of Sqlite/0005_audit_log.sql; keep the two in step.
CREATE TABLE AuditLog (
    Sequence     bigint        NOT NULL,
    Recorded     bigint        NOT NULL,
    ResourceId   varchar(64)   COLLATE Latin1_General_100_BIN2 NOT NULL,
    Json         nvarchar(max) NOT NULL,
    PreviousHash char(64)      NOT NULL,
    Hash         char(64)      NOT NULL,
    CONSTRAINT PK_AuditLog PRIMARY KEY (Sequence)
);
GO
CREATE TRIGGER TR_AuditLog_AppendOnly ON AuditLog INSTEAD OF UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    THROW 50005, 'AuditLog is append-only', 1;
END
GO
