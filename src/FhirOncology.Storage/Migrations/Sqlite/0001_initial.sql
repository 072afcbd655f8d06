-- Resource versions: one row per version, current and historical (IsHistory = 0 marks the current one).
-- ResourceSurrogateId is time-ordered (Unix milliseconds << 20, plus a sequence) and orders history and paging.
-- RawResource holds the resource JSON, deflate-compressed; a deletion marker has an empty one.
CREATE TABLE Resource (
    ResourceSurrogateId INTEGER NOT NULL PRIMARY KEY,
    ResourceType        TEXT    NOT NULL,
    ResourceId          TEXT    NOT NULL,
    Version             INTEGER NOT NULL,
    IsHistory           INTEGER NOT NULL,
    IsDeleted           INTEGER NOT NULL,
    RequestMethod       TEXT    NOT NULL,
    LastUpdated         INTEGER NOT NULL, -- Unix time in milliseconds, UTC
    RawResource         BLOB    NOT NULL
);
CREATE UNIQUE INDEX UX_Resource_Type_Id_Version ON Resource (ResourceType, ResourceId, Version);
CREATE UNIQUE INDEX UX_Resource_Current ON Resource (ResourceType, ResourceId) WHERE IsHistory = 0;
CREATE INDEX IX_Resource_Type_Surrogate ON Resource (ResourceType, ResourceSurrogateId);

-- Search index tables: rows exist only for current versions and are replaced in the same transaction as the
-- resource. Every table is keyed by the owning version's surrogate id.
CREATE TABLE TokenSearchParam (
    ResourceSurrogateId INTEGER NOT NULL,
    ResourceType        TEXT    NOT NULL,
    ParamCode           TEXT    NOT NULL,
    System              TEXT    NULL,
    Code                TEXT    NOT NULL
);
CREATE INDEX IX_TokenSearchParam_Lookup ON TokenSearchParam (ResourceType, ParamCode, Code, System);
CREATE INDEX IX_TokenSearchParam_Surrogate ON TokenSearchParam (ResourceSurrogateId);

CREATE TABLE StringSearchParam (
    ResourceSurrogateId INTEGER NOT NULL,
    ResourceType        TEXT    NOT NULL,
    ParamCode           TEXT    NOT NULL,
    Value               TEXT    NOT NULL, -- normalised: lower case, accents removed
    ValueExact          TEXT    NOT NULL
);
CREATE INDEX IX_StringSearchParam_Lookup ON StringSearchParam (ResourceType, ParamCode, Value);
CREATE INDEX IX_StringSearchParam_Surrogate ON StringSearchParam (ResourceSurrogateId);

CREATE TABLE DateSearchParam (
    ResourceSurrogateId INTEGER NOT NULL,
    ResourceType        TEXT    NOT NULL,
    ParamCode           TEXT    NOT NULL,
    StartTime           INTEGER NOT NULL, -- Unix milliseconds, inclusive
    EndTime             INTEGER NOT NULL  -- Unix milliseconds, inclusive
);
CREATE INDEX IX_DateSearchParam_Lookup ON DateSearchParam (ResourceType, ParamCode, StartTime, EndTime);
CREATE INDEX IX_DateSearchParam_Surrogate ON DateSearchParam (ResourceSurrogateId);

CREATE TABLE ReferenceSearchParam (
    ResourceSurrogateId INTEGER NOT NULL,
    ResourceType        TEXT    NOT NULL,
    ParamCode           TEXT    NOT NULL,
    BaseUri             TEXT    NULL,     -- null for references to this server
    TargetType          TEXT    NULL,
    TargetId            TEXT    NOT NULL,
    TargetVersion       INTEGER NULL
);
CREATE INDEX IX_ReferenceSearchParam_Lookup ON ReferenceSearchParam (ResourceType, ParamCode, TargetId, TargetType);
CREATE INDEX IX_ReferenceSearchParam_Target ON ReferenceSearchParam (TargetType, TargetId, ParamCode);
CREATE INDEX IX_ReferenceSearchParam_Surrogate ON ReferenceSearchParam (ResourceSurrogateId);

CREATE TABLE QuantitySearchParam (
    ResourceSurrogateId INTEGER NOT NULL,
    ResourceType        TEXT    NOT NULL,
    ParamCode           TEXT    NOT NULL,
    System              TEXT    NULL,
    Code                TEXT    NULL,
    Value               REAL    NULL,
    LowValue            REAL    NOT NULL,
    HighValue           REAL    NOT NULL
);
CREATE INDEX IX_QuantitySearchParam_Lookup ON QuantitySearchParam (ResourceType, ParamCode, Code, LowValue, HighValue);
CREATE INDEX IX_QuantitySearchParam_Surrogate ON QuantitySearchParam (ResourceSurrogateId);

CREATE TABLE NumberSearchParam (
    ResourceSurrogateId INTEGER NOT NULL,
    ResourceType        TEXT    NOT NULL,
    ParamCode           TEXT    NOT NULL,
    Value               REAL    NULL,
    LowValue            REAL    NOT NULL,
    HighValue           REAL    NOT NULL
);
CREATE INDEX IX_NumberSearchParam_Lookup ON NumberSearchParam (ResourceType, ParamCode, LowValue, HighValue);
CREATE INDEX IX_NumberSearchParam_Surrogate ON NumberSearchParam (ResourceSurrogateId);

CREATE TABLE UriSearchParam (
    ResourceSurrogateId INTEGER NOT NULL,
    ResourceType        TEXT    NOT NULL,
    ParamCode           TEXT    NOT NULL,
    Uri                 TEXT    NOT NULL
);
CREATE INDEX IX_UriSearchParam_Lookup ON UriSearchParam (ResourceType, ParamCode, Uri);
CREATE INDEX IX_UriSearchParam_Surrogate ON UriSearchParam (ResourceSurrogateId);

-- Composite parameters (e.g. Observation code-value-quantity): the first component is a token, the second one
-- of token, quantity, string or date; unused columns stay null.
CREATE TABLE CompositeSearchParam (
    ResourceSurrogateId INTEGER NOT NULL,
    ResourceType        TEXT    NOT NULL,
    ParamCode           TEXT    NOT NULL,
    System1             TEXT    NULL,
    Code1               TEXT    NOT NULL,
    System2             TEXT    NULL,
    Code2               TEXT    NULL,
    Text2               TEXT    NULL,
    LowValue2           REAL    NULL,
    HighValue2          REAL    NULL,
    StartTime2          INTEGER NULL,
    EndTime2            INTEGER NULL
);
CREATE INDEX IX_CompositeSearchParam_Lookup ON CompositeSearchParam (ResourceType, ParamCode, Code1, Code2);
CREATE INDEX IX_CompositeSearchParam_Surrogate ON CompositeSearchParam (ResourceSurrogateId);
