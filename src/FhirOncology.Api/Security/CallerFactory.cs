using System.Collections.Concurrent;
using System.Security.Claims;
using FhirOncology.Core.Search;
using FhirOncology.Core.Security;
using FhirOncology.Core.Serialization;
using FhirOncology.Core.Storage;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;

namespace FhirOncology.Api.Security;

/// <summary>
/// Turns a validated access token into the <see cref="Caller"/> the access rules work with (issue #5). The
/// organisation comes from the registered client id for system clients (Auth:ClientOrganizations, and the
/// development server's clients), and from the <c>fhirUser</c> claim for users: a PractitionerRole names its
/// organization; a Practitioner acts for the organisations of its PractitionerRoles.
/// </summary>
internal sealed class CallerFactory(
    IOptions<AuthOptions> options, IResourceStore store, SearchQueryParser parser, FhirSerializer serializer, TimeProvider clock)
{
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(60);
    private readonly ConcurrentDictionary<string, (IReadOnlyList<string> Organizations, DateTimeOffset Expires)> _userOrganizations = new(StringComparer.Ordinal);

    public async Task<Caller> CreateAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        var auth = options.Value;
        var clientId = auth.ClientIdClaims.Select(principal.FindFirstValue).FirstOrDefault(value => !string.IsNullOrEmpty(value))
            ?? principal.FindFirstValue("sub") ?? "unknown";
        var fhirUser = principal.FindFirstValue("fhirUser");
        var scopes = ScopeValues(principal).Select(SmartScope.TryParse).OfType<SmartScope>().ToList();
        var userKey = fhirUser is null ? null : LocalReference.TryParse(fhirUser);
        IReadOnlyList<string> organizations = userKey is not null
            ? await UserOrganizationsAsync(userKey, ct)
            : ClientOrganization(auth, clientId) is { } organization ? [organization] : [];
        return new Caller(clientId, userKey is null ? null : $"{userKey.Type}/{userKey.Id}", organizations, scopes, principal.FindFirstValue("patient"),
            IsAdministrator: userKey is null && auth.AdministratorClients.Contains(clientId, StringComparer.Ordinal));
    }

    /// <summary>SMART puts scopes in "scope" (space-separated); Entra uses "scp", sometimes one claim per scope.</summary>
    private static IEnumerable<string> ScopeValues(ClaimsPrincipal principal) =>
        principal.FindAll("scope").Concat(principal.FindAll("scp"))
            .SelectMany(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string? ClientOrganization(AuthOptions auth, string clientId) =>
        auth.ClientOrganizations.TryGetValue(clientId, out var organization)
            ? organization
            : auth.DevServer.Clients.FirstOrDefault(client => client.ClientId == clientId)?.OrganizationId;

    private async Task<IReadOnlyList<string>> UserOrganizationsAsync(ResourceKey user, CancellationToken ct)
    {
        var cacheKey = $"{user.Type}/{user.Id}";
        var now = clock.GetUtcNow();
        if (_userOrganizations.TryGetValue(cacheKey, out var cached) && cached.Expires > now)
        {
            return cached.Organizations;
        }

        IReadOnlyList<string> organizations = user.Type switch
        {
            "PractitionerRole" => await RoleOrganizationsAsync([user.Id], ct),
            "Practitioner" => await PractitionerOrganizationsAsync(user.Id, ct),
            _ => [],
        };
        _userOrganizations[cacheKey] = (organizations, now + CacheLifetime);
        return organizations;
    }

    private async Task<IReadOnlyList<string>> PractitionerOrganizationsAsync(string practitionerId, CancellationToken ct)
    {
        var query = parser.Parse(["PractitionerRole"], [new("practitioner", "Practitioner/" + practitionerId), new("_count", "50")], strict: true).Query;
        var roles = await store.SearchAsync(query, ct); // the server's own lookup, not the caller's search
        return Organizations(roles.Matches);
    }

    private async Task<IReadOnlyList<string>> RoleOrganizationsAsync(IEnumerable<string> roleIds, CancellationToken ct)
    {
        var roles = new List<ResourceVersion>();
        foreach (var id in roleIds)
        {
            if (await store.ReadCurrentAsync(new ResourceKey("PractitionerRole", id), ct) is { IsDeleted: false } role)
            {
                roles.Add(role);
            }
        }

        return Organizations(roles);
    }

    private IReadOnlyList<string> Organizations(IEnumerable<ResourceVersion> roles) =>
    [
        .. roles.Select(role => serializer.Parse(role.Json.Span, FhirFormat.Json))
            .OfType<PractitionerRole>()
            .Where(role => role.Active != false)
            .Select(role => LocalReference.TryParse(role.Organization?.Reference))
            .OfType<ResourceKey>()
            .Where(organization => organization.Type == "Organization")
            .Select(organization => organization.Id)
            .Distinct(StringComparer.Ordinal),
    ];
}
