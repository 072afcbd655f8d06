-- Progress of the reindex job (one row): which SearchParameter definitions the index reflects, and how far a
-- running reindex has come in surrogate-key order, so it resumes after a restart.
CREATE TABLE ReindexState (
    Id              INTEGER NOT NULL PRIMARY KEY CHECK (Id = 1),
    DefinitionsHash TEXT    NOT NULL,
    LastSurrogateId INTEGER NOT NULL,
    Processed       INTEGER NOT NULL,
    Total           INTEGER NOT NULL,
    StartedAt       INTEGER NOT NULL, -- Unix milliseconds
    CompletedAt     INTEGER NULL
);
