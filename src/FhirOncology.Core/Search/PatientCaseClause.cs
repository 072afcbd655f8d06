namespace FhirOncology.Core.Search;

/// <summary>
/// Added by the access rules for SMART patient/ scopes: the resource belongs to this patient's case (it is the
/// Patient, or references it).
/// </summary>
public sealed record PatientCaseClause(string PatientId) : SearchClause;
