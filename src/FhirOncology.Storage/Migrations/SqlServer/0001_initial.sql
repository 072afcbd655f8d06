-- SQL Server flavour of Sqlite/0001_initial.sql; keep the two in step.
-- Resource versions: one row per version, current and historical (IsHistory = 0 marks the current one).
-- ResourceSurrogateId is time-ordered (Unix milliseconds << 20, plus a sequence) and orders history and paging.
-- RawResource holds the resource JSON, deflate-compressed; a deletion marker has an empty one.
CREATE TABLE Resource (
    ResourceSurrogateId bigint NOT NULL PRIMARY KEY,
    ResourceType        varchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    ResourceId          varchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    Version             int     NOT NULL,
    IsHistory           bit     NOT NULL,
    IsDeleted           bit     NOT NULL,
    RequestMethod       varchar(8) NOT NULL,
    LastUpdated         bigint  NOT NULL, -- Unix time in milliseconds, UTC
    RawResource         varbinary(max) NOT NULL
);
GO
CREATE UNIQUE INDEX UX_Resource_Type_Id_Version ON Resource (ResourceType, ResourceId, Version);
GO
CREATE UNIQUE INDEX UX_Resource_Current ON Resource (ResourceType, ResourceId) WHERE IsHistory = 0;
GO
CREATE INDEX IX_Resource_Type_Surrogate ON Resource (ResourceType, ResourceSurrogateId);
GO

-- Search index tables: rows exist only for current versions and are replaced in the same transaction as the
-- resource. Every table is keyed by the owning version's surrogate id.
CREATE TABLE TokenSearchParam (
    ResourceSurrogateId bigint  NOT NULL,
    ResourceType        varchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    ParamCode           varchar(128) COLLATE Latin1_General_100_BIN2 NOT NULL,
    System              nvarchar(256) COLLATE Latin1_General_100_BIN2 NULL,
    Code                nvarchar(256) COLLATE Latin1_General_100_BIN2 NOT NULL
);
GO
CREATE INDEX IX_TokenSearchParam_Lookup ON TokenSearchParam (ResourceType, ParamCode, Code, System);
GO
CREATE INDEX IX_TokenSearchParam_Surrogate ON TokenSearchParam (ResourceSurrogateId);
GO

CREATE TABLE StringSearchParam (
    ResourceSurrogateId bigint  NOT NULL,
    ResourceType        varchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    ParamCode           varchar(128) COLLATE Latin1_General_100_BIN2 NOT NULL,
    Value               nvarchar(256) NOT NULL, -- normalised: lower case, accents removed
    ValueExact          nvarchar(256) NOT NULL
);
GO
CREATE INDEX IX_StringSearchParam_Lookup ON StringSearchParam (ResourceType, ParamCode, Value);
GO
CREATE INDEX IX_StringSearchParam_Surrogate ON StringSearchParam (ResourceSurrogateId);
GO

CREATE TABLE DateSearchParam (
    ResourceSurrogateId bigint  NOT NULL,
    ResourceType        varchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    ParamCode           varchar(128) COLLATE Latin1_General_100_BIN2 NOT NULL,
    StartTime           bigint  NOT NULL, -- Unix milliseconds, inclusive
    EndTime             bigint  NOT NULL  -- Unix milliseconds, inclusive
);
GO
CREATE INDEX IX_DateSearchParam_Lookup ON DateSearchParam (ResourceType, ParamCode, StartTime, EndTime);
GO
CREATE INDEX IX_DateSearchParam_Surrogate ON DateSearchParam (ResourceSurrogateId);
GO

CREATE TABLE ReferenceSearchParam (
    ResourceSurrogateId bigint  NOT NULL,
    ResourceType        varchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    ParamCode           varchar(128) COLLATE Latin1_General_100_BIN2 NOT NULL,
    BaseUri             nvarchar(256) COLLATE Latin1_General_100_BIN2 NULL,     -- null for references to this server
    TargetType          nvarchar(256) COLLATE Latin1_General_100_BIN2 NULL,
    TargetId            nvarchar(256) COLLATE Latin1_General_100_BIN2 NOT NULL,
    TargetVersion       bigint  NULL
);
GO
CREATE INDEX IX_ReferenceSearchParam_Lookup ON ReferenceSearchParam (ResourceType, ParamCode, TargetId, TargetType);
GO
CREATE INDEX IX_ReferenceSearchParam_Target ON ReferenceSearchParam (TargetType, TargetId, ParamCode);
GO
CREATE INDEX IX_ReferenceSearchParam_Surrogate ON ReferenceSearchParam (ResourceSurrogateId);
GO

CREATE TABLE QuantitySearchParam (
    ResourceSurrogateId bigint  NOT NULL,
    ResourceType        varchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    ParamCode           varchar(128) COLLATE Latin1_General_100_BIN2 NOT NULL,
    System              nvarchar(256) COLLATE Latin1_General_100_BIN2 NULL,
    Code                nvarchar(256) COLLATE Latin1_General_100_BIN2 NULL,
    Value               decimal(36,18) NULL,
    LowValue            decimal(36,18) NOT NULL,
    HighValue           decimal(36,18) NOT NULL
);
GO
CREATE INDEX IX_QuantitySearchParam_Lookup ON QuantitySearchParam (ResourceType, ParamCode, Code, LowValue, HighValue);
GO
CREATE INDEX IX_QuantitySearchParam_Surrogate ON QuantitySearchParam (ResourceSurrogateId);
GO

CREATE TABLE NumberSearchParam (
    ResourceSurrogateId bigint  NOT NULL,
    ResourceType        varchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    ParamCode           varchar(128) COLLATE Latin1_General_100_BIN2 NOT NULL,
    Value               decimal(36,18) NULL,
    LowValue            decimal(36,18) NOT NULL,
    HighValue           decimal(36,18) NOT NULL
);
GO
CREATE INDEX IX_NumberSearchParam_Lookup ON NumberSearchParam (ResourceType, ParamCode, LowValue, HighValue);
GO
CREATE INDEX IX_NumberSearchParam_Surrogate ON NumberSearchParam (ResourceSurrogateId);
GO

CREATE TABLE UriSearchParam (
    ResourceSurrogateId bigint  NOT NULL,
    ResourceType        varchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    ParamCode           varchar(128) COLLATE Latin1_General_100_BIN2 NOT NULL,
    Uri                 nvarchar(256) COLLATE Latin1_General_100_BIN2 NOT NULL
);
GO
CREATE INDEX IX_UriSearchParam_Lookup ON UriSearchParam (ResourceType, ParamCode, Uri);
GO
CREATE INDEX IX_UriSearchParam_Surrogate ON UriSearchParam (ResourceSurrogateId);
GO

-- Composite parameters (e.g. Observation code-value-quantity): the first component is a token, the second one
-- of token, quantity, string or date; unused columns stay null.
CREATE TABLE CompositeSearchParam (
    ResourceSurrogateId bigint  NOT NULL,
    ResourceType        varchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    ParamCode           varchar(128) COLLATE Latin1_General_100_BIN2 NOT NULL,
    System1             nvarchar(256) COLLATE Latin1_General_100_BIN2 NULL,
    Code1               nvarchar(256) COLLATE Latin1_General_100_BIN2 NOT NULL,
    System2             nvarchar(256) COLLATE Latin1_General_100_BIN2 NULL,
    Code2               nvarchar(256) COLLATE Latin1_General_100_BIN2 NULL,
    Text2               nvarchar(256) NULL,
    LowValue2           decimal(36,18) NULL,
    HighValue2          decimal(36,18) NULL,
    StartTime2          bigint  NULL,
    EndTime2            bigint  NULL
);
GO
CREATE INDEX IX_CompositeSearchParam_Lookup ON CompositeSearchParam (ResourceType, ParamCode, Code1, Code2);
GO
CREATE INDEX IX_CompositeSearchParam_Surrogate ON CompositeSearchParam (ResourceSurrogateId);
GO
