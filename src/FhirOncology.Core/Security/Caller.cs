namespace FhirOncology.Core.Security;

/// <summary>
/// Who is asking, as the access rules need it: the client, the user (SMART <c>fhirUser</c>) if any, the
/// organisations the caller acts for, the granted clinical scopes and the patient launch context. Built from the
/// validated access token by the Api; <see cref="Internal"/> is the server itself (start-up, background jobs).
/// <see cref="IsAdministrator"/>: a client registered as an administrator of the server (Auth:AdministratorClients).
/// </summary>
public sealed record Caller(
    string ClientId,
    string? FhirUser,
    IReadOnlyList<string> OrganizationIds,
    IReadOnlyList<SmartScope> Scopes,
    string? PatientContext,
    bool IsInternal = false,
    bool IsAdministrator = false)
{
    public static readonly Caller Internal = new("fhironcology-server", null, [], [], null, IsInternal: true);

    /// <summary>System clients get system/ scopes; users get user/ and patient/ ones (scopes-and-launch-context.html).</summary>
    public bool IsUser => FhirUser is not null;

    public bool HasOrganization => OrganizationIds.Count > 0;

    public string? PrimaryOrganizationId => OrganizationIds.Count > 0 ? OrganizationIds[0] : null;
}
