-- SQL Server flavour of Sqlite/0003_drop_reference_target_index.sql; keep the two in step.
DROP INDEX IX_ReferenceSearchParam_Target ON ReferenceSearchParam;
GO
