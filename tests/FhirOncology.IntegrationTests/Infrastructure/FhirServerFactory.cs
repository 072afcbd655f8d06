using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FhirOncology.IntegrationTests.Infrastructure;

/// <summary>
/// The real server in-process over a real SQLite file in its own temporary directory, so every test class owns
/// its data. Extra settings (e.g. a small body limit) come in through <see cref="Settings"/>. Access tokens come
/// from <see cref="TestIssuer"/> (WireMock); clients made by <c>CreateClient()</c> carry a token of
/// <see cref="DefaultClientId"/>, a system client of <see cref="DefaultOrganization"/> with full access.
/// </summary>
public class FhirServerFactory : WebApplicationFactory<Program>
{
    public const string DefaultClientId = "test-ehr";
    public const string DefaultOrganization = "org-test";
    public const string DefaultScopes = "system/*.cruds system/AuditEvent.rs";

    private readonly string _dataDirectory;
    private readonly bool _ownsDataDirectory;

    public FhirServerFactory()
        : this(null)
    {
    }

    /// <summary>
    /// A server on <paramref name="dataDirectory"/>, which outlives it (a restart: a new factory on the directory of
    /// one disposed before); null gives a fresh temporary directory, deleted with the factory.
    /// </summary>
    protected FhirServerFactory(string? dataDirectory)
    {
        _ownsDataDirectory = dataDirectory is null;
        _dataDirectory = dataDirectory ?? NewDataDirectory();
    }

    /// <summary>Where this server keeps its SQLite database.</summary>
    public string DataDirectory => _dataDirectory;

    public static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), "fhironcology-tests", Guid.NewGuid().ToString("N"));

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>The SQLite file this server writes (for tests that inspect or tamper with it directly).</summary>
    public string DatabasePath => Path.Combine(_dataDirectory, "fhironcology.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:Provider", "Sqlite");
        builder.UseSetting("Storage:DataDirectory", _dataDirectory);
        builder.UseSetting("Auth:Authority", TestIssuer.Shared.Authority);
        builder.UseSetting("Auth:Audience", TestIssuer.Audience);
        builder.UseSetting("Auth:RequireHttpsMetadata", "false");
        builder.UseSetting("Auth:ClientOrganizations:" + DefaultClientId, DefaultOrganization);
        builder.UseSetting("Auth:AdministratorClients:0", DefaultClientId);
        builder.UseSetting("Demo:Enabled", "false"); // tests own their data; DemoServer turns it on
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestIssuer.Shared.CreateToken(DefaultClientId, DefaultScopes));
    }

    /// <summary>A client with no token at all.</summary>
    public HttpClient CreateAnonymousClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    /// <summary>A client carrying the given token.</summary>
    public HttpClient CreateClient(string accessToken)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", accessToken);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownsDataDirectory && Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}
