-- Reverse chains and revincludes are served by IX_ReferenceSearchParam_Lookup and _Surrogate; the target-first
-- index only tempted SQLite's planner into scanning every reference to a type.
DROP INDEX IX_ReferenceSearchParam_Target;
