namespace FhirOncology.Core.Search;

/// <summary>
/// Added by the access rules (issue #5), never parsed from a request: visible to one of these organisations,
/// because it owns the resource directly or works on a patient case the resource belongs to. An empty list
/// matches nothing.
/// </summary>
public sealed record OrganizationAccessClause(IReadOnlyList<string> OrganizationIds) : SearchClause;
