using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FhirOncology.IntegrationTests.Infrastructure;

/// <summary>
/// A server for the audit tests: besides the default client, a client of another referring organisation and one of
/// the reviewing organisation; every request arrives from <see cref="ClientAddress"/> (TestServer has no socket).
/// </summary>
public class AuditServerFactory : FhirServerFactory
{
    public const string OtherClientId = "other-ehr";
    public const string OtherOrganization = "org-other";
    public const string ReviewerClientId = "review-system";
    public const string ReviewerOrganization = "org-review";
    public static readonly IPAddress ClientAddress = IPAddress.Parse("203.0.113.7");

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Auth:ClientOrganizations:" + OtherClientId] = OtherOrganization,
        ["Auth:ClientOrganizations:" + ReviewerClientId] = ReviewerOrganization,
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new RemoteAddressFilter()));
    }

    public HttpClient CreateClient(string clientId, string scopes) => CreateClient(TestIssuer.Shared.CreateToken(clientId, scopes));

    private sealed class RemoteAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = ClientAddress;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
