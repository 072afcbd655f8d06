-- SQL Server flavour of Sqlite/0002_reindex_state.sql; keep the two in step.
CREATE TABLE ReindexState (
    Id              int          NOT NULL PRIMARY KEY CHECK (Id = 1),
    DefinitionsHash varchar(64)  NOT NULL,
    LastSurrogateId bigint       NOT NULL,
    Processed       bigint       NOT NULL,
    Total           bigint       NOT NULL,
    StartedAt       bigint       NOT NULL,
    CompletedAt     bigint       NULL
);
GO
