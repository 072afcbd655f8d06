using FhirOncology.Core.Interactions;
using FhirOncology.Core.Security;
using Microsoft.Extensions.Options;

namespace FhirOncology.Api.Security.DevServer;

/// <summary>
/// Refuses to start an enabled development server with a registration it could not honour (STYLE.md §8): a bad
/// issuer, a client without a usable JWKS or redirect URI, a JWKS carrying private keys, duplicate ids, a user whose
/// fhirUser is not a Practitioner or PractitionerRole reference.
/// </summary>
internal sealed class DevServerOptionsValidator(IHostEnvironment environment) : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        if (!AuthOptionsValidator.DevServerEnabled(options, environment))
        {
            return ValidateOptionsResult.Success;
        }

        var server = options.DevServer;
        var failures = new List<string>();
        if (!Uri.TryCreate(server.Issuer, UriKind.Absolute, out var issuer) || issuer.Scheme is not ("http" or "https")
            || issuer.Query.Length > 0 || issuer.Fragment.Length > 0)
        {
            failures.Add("Auth:DevServer:Issuer must be an absolute http(s) URL without query or fragment.");
        }

        if (server.TokenLifetimeSeconds is < 30 or > 86_400)
        {
            failures.Add("Auth:DevServer:TokenLifetimeSeconds must be between 30 and 86400.");
        }

        failures.AddRange(Duplicates(server.Clients.Select(client => client.ClientId), "client id"));
        failures.AddRange(Duplicates(server.Users.Select(user => user.UserName), "user name"));
        failures.AddRange(server.Clients.SelectMany(ClientProblems));
        failures.AddRange(server.Users
            .Where(user => string.IsNullOrWhiteSpace(user.UserName)
                || LocalReference.TryParse(user.FhirUser) is not { Type: "Practitioner" or "PractitionerRole" })
            .Select(user => $"Auth:DevServer user '{user.UserName}': UserName is required and FhirUser must be Practitioner/id or PractitionerRole/id."));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private IEnumerable<string> ClientProblems(DevClient client)
    {
        var label = $"Auth:DevServer client '{client.ClientId}'";
        if (string.IsNullOrWhiteSpace(client.ClientId))
        {
            yield return "Auth:DevServer clients need a ClientId.";
        }

        if (string.IsNullOrWhiteSpace(client.JwksPath) && client.RedirectUris.Length == 0)
        {
            yield return $"{label}: needs a JwksPath (backend services) or RedirectUris (a user-facing app).";
        }

        if (!string.IsNullOrWhiteSpace(client.JwksPath)
            && DevClientKeys.Load(DevClientKeys.Resolve(environment.ContentRootPath, client.JwksPath), out var problem) is null)
        {
            yield return $"{label}: {problem}.";
        }

        if (client.OrganizationId is { } organization && !ResourceService.IsValidId(organization))
        {
            yield return $"{label}: OrganizationId must be an Organization id.";
        }

        foreach (var redirect in client.RedirectUris.Where(uri => !Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.Fragment.Length > 0))
        {
            yield return $"{label}: redirect URI '{redirect}' must be absolute without a fragment (RFC 6749 §3.1.2).";
        }

        if (client.AllowedScopes.Length == 0)
        {
            yield return $"{label}: AllowedScopes is empty, so it could never get a token.";
        }
    }

    private static IEnumerable<string> Duplicates(IEnumerable<string> values, string what) =>
        values.GroupBy(value => value, StringComparer.Ordinal).Where(group => group.Count() > 1)
            .Select(group => $"Auth:DevServer: the {what} '{group.Key}' is registered more than once.");
}
