using Microsoft.Extensions.Options;

namespace FhirOncology.Api.Security.DevServer;

/// <summary>
/// The development server's clients and users, from <c>Auth:DevServer</c>, with each client's JWKS read once.
/// <see cref="DevServerOptionsValidator"/> has already refused to start with a broken registration.
/// </summary>
internal sealed class DevClientRegistry
{
    private readonly Dictionary<string, RegisteredClient> _clients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DevUser> _users = new(StringComparer.Ordinal);

    public DevClientRegistry(IOptions<AuthOptions> options, IHostEnvironment environment)
    {
        foreach (var client in options.Value.DevServer.Clients)
        {
            IReadOnlyList<Microsoft.IdentityModel.Tokens.JsonWebKey> keys = [];
            if (!string.IsNullOrWhiteSpace(client.JwksPath))
            {
                keys = DevClientKeys.Load(DevClientKeys.Resolve(environment.ContentRootPath, client.JwksPath), out var problem)
                    ?? throw new InvalidOperationException($"Auth:DevServer client '{client.ClientId}': {problem}.");
            }

            _clients[client.ClientId] = new RegisteredClient(client, keys);
        }

        foreach (var user in options.Value.DevServer.Users)
        {
            _users[user.UserName] = user;
        }
    }

    public RegisteredClient? FindClient(string? clientId) =>
        clientId is not null && _clients.TryGetValue(clientId, out var client) ? client : null;

    public DevUser? FindUser(string? userName) =>
        userName is not null && _users.TryGetValue(userName, out var user) ? user : null;

    public IEnumerable<string> UserNames => _users.Keys;

    /// <summary>Every scope some client may be granted, for the discovery document.</summary>
    public IEnumerable<string> AllScopes => _clients.Values.SelectMany(client => client.Settings.AllowedScopes).Distinct(StringComparer.Ordinal);
}
