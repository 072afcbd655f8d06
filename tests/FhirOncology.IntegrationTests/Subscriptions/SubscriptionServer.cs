using FhirOncology.Core.Subscriptions;
using FhirOncology.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FhirOncology.IntegrationTests.Subscriptions;

/// <summary>
/// The server with fast Subscription delivery (50 ms polls, 100 ms first retry, 500 ms timeout, 4 attempts, status
/// error after 2 failures), two more referring organisations (ehr-a of org-a, ehr-b of org-b) and every log line
/// captured at Trace.
/// </summary>
public sealed class SubscriptionServer : FhirServerFactory
{
    public const int MaxAttempts = 4;
    public const int TimeoutMilliseconds = 500;

    public SubscriptionServer()
        : this(null)
    {
    }

    private SubscriptionServer(string? dataDirectory)
        : base(dataDirectory)
    {
    }

    public CapturingLoggerProvider Logs { get; } = new();

    public ISubscriptionStore Outbox => Services.GetRequiredService<ISubscriptionStore>();

    /// <summary>A server on an existing data directory, which it leaves in place (restart tests).</summary>
    public static SubscriptionServer On(string dataDirectory) => new(dataDirectory);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Subscriptions:PollIntervalMilliseconds"] = "50",
        ["Subscriptions:BaseRetryDelayMilliseconds"] = "100",
        ["Subscriptions:MaxRetryDelayMilliseconds"] = "400",
        ["Subscriptions:DeliveryTimeoutMilliseconds"] = TimeoutMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Subscriptions:MaxAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Subscriptions:ErrorAfterAttempts"] = "2",
        ["Auth:ClientOrganizations:ehr-a"] = "org-a",
        ["Auth:ClientOrganizations:ehr-b"] = "org-b",
        ["Logging:LogLevel:Default"] = "Trace",
        ["Logging:LogLevel:Microsoft"] = "Trace",
        ["Logging:LogLevel:System"] = "Trace",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(Logs));
    }

    /// <summary>A client of one of the organisations, with full access to it.</summary>
    public HttpClient Client(string clientId) => CreateClient(TestIssuer.Shared.CreateToken(clientId, DefaultScopes));
}
