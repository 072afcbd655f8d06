using Microsoft.Extensions.Options;

namespace FhirOncology.Api.Security.DevServer;

public static class DevServerServiceCollectionExtensions
{
    /// <summary>
    /// The development authorization server's services, its start-up checks and the demo directory seeding. Cheap
    /// when the server is disabled: nothing is read and nothing is mapped (see <see cref="DevServerEndpoints"/>).
    /// Call after the storage registration, so the seeding runs after the schema migrations.
    /// </summary>
    public static IServiceCollection AddDevAuthorizationServer(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<AuthOptions>, DevServerOptionsValidator>();
        services.AddSingleton<DevClientRegistry>();
        services.AddSingleton<AssertionReplayCache>();
        services.AddSingleton<AuthorizationCodeStore>();
        services.AddSingleton<ClientAssertionValidator>();
        services.AddSingleton<AccessTokenIssuer>();
        services.AddSingleton<DevTokenService>();
        services.AddSingleton<DevAuthorizeService>();
        services.AddHostedService<DevDirectorySeeder>();
        return services;
    }
}
