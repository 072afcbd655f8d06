namespace FhirOncology.Core.Security;

/// <summary>
/// The SMART v2 permissions (scopes-and-launch-context.html#scopes-for-requesting-fhir-resources): create, read,
/// update, delete, search. SMART v1's <c>read</c> is <c>rs</c>, <c>write</c> is <c>cud</c>, <c>*</c> is all.
/// </summary>
[Flags]
public enum Permissions
{
    None = 0,
    Create = 1,
    Read = 2,
    Update = 4,
    Delete = 8,
    Search = 16,
    All = Create | Read | Update | Delete | Search,
}
