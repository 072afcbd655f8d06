-- SQL Server flavour of Sqlite/0004_access_control.sql; keep the two in step.
CREATE TABLE ResourceAccess (
    ResourceType   varchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    ResourceId     varchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    OrganizationId varchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    CONSTRAINT PK_ResourceAccess PRIMARY KEY (ResourceType, ResourceId, OrganizationId)
);
GO
CREATE TABLE CaseMember (
    ResourceType varchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    ResourceId   varchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    PatientId    varchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    CONSTRAINT PK_CaseMember PRIMARY KEY (ResourceType, ResourceId, PatientId)
);
GO
CREATE INDEX IX_CaseMember_Patient ON CaseMember (PatientId);
GO
CREATE TABLE CaseAccess (
    PatientId      varchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    OrganizationId varchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    CONSTRAINT PK_CaseAccess PRIMARY KEY (PatientId, OrganizationId)
);
GO
