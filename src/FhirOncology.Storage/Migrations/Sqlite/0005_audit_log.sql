-- The audit trail (issue #5): one row per AuditEvent, in the order written, hash-chained so that changing,
-- removing or reordering a row is detected by [base]/$verify-audit-chain:
--   Hash = lower-hex SHA-256(the 32 bytes of PreviousHash || the UTF-8 bytes of Json); PreviousHash of entry 1 is 64 zeros.
-- Sequence runs 1, 2, 3 … without gaps (assigned by the writer under the database's write lock). Json is the
-- AuditEvent exactly as stored in Resource and served by the API. The triggers make the table append-only for
-- everything short of dropping them, which is what the hash chain is there to expose.
CREATE TABLE AuditLog (
    Sequence     INTEGER NOT NULL PRIMARY KEY,
    Recorded     INTEGER NOT NULL, -- AuditEvent.recorded, Unix time in milliseconds, UTC
    ResourceId   TEXT    NOT NULL, -- the AuditEvent's id in Resource
    Json         TEXT    NOT NULL,
    PreviousHash TEXT    NOT NULL,
    Hash         TEXT    NOT NULL
);

CREATE TRIGGER TR_AuditLog_NoUpdate BEFORE UPDATE ON AuditLog
BEGIN
    SELECT RAISE(ABORT, 'AuditLog is append-only');
END;

CREATE TRIGGER TR_AuditLog_NoDelete BEFORE DELETE ON AuditLog
BEGIN
    SELECT RAISE(ABORT, 'AuditLog is append-only');
END;
