-- Organisation isolation (issue #5). A resource is visible to an organisation that owns it directly
-- (ResourceAccess: the organisation that wrote it, or one a Task shared it with), or through the patient case it
-- belongs to (CaseMember: the Patients it references; CaseAccess: the organisations working on that patient's
-- case, i.e. the one that registered the Patient and the owners of Tasks for it). Rows are per logical resource,
-- so every version and the history follow the same rule; they are only ever added.
CREATE TABLE ResourceAccess (
    ResourceType   TEXT NOT NULL,
    ResourceId     TEXT NOT NULL,
    OrganizationId TEXT NOT NULL,
    PRIMARY KEY (ResourceType, ResourceId, OrganizationId)
) WITHOUT ROWID;

CREATE TABLE CaseMember (
    ResourceType TEXT NOT NULL,
    ResourceId   TEXT NOT NULL,
    PatientId    TEXT NOT NULL,
    PRIMARY KEY (ResourceType, ResourceId, PatientId)
) WITHOUT ROWID;
CREATE INDEX IX_CaseMember_Patient ON CaseMember (PatientId);

CREATE TABLE CaseAccess (
    PatientId      TEXT NOT NULL,
    OrganizationId TEXT NOT NULL,
    PRIMARY KEY (PatientId, OrganizationId)
) WITHOUT ROWID;
