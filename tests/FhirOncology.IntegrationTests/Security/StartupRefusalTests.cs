using FhirOncology.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace FhirOncology.IntegrationTests.Security;

/// <summary>Outside Development the server refuses to start without safe authentication settings (STYLE.md §8, issue #5).</summary>
public sealed class StartupRefusalTests
{
    private sealed class ProductionServer(Dictionary<string, string?> settings) : FhirServerFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => settings;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }

    public static TheoryData<string, string?> UnsafeSettings() => new()
    {
        { "Auth:Authority", "" },          // no issuer and no development server
        { "Auth:Audience", "" },           // no audience
        { "Auth:RequireHttpsMetadata", "false" }, // plain-HTTP metadata allowed
        { "Auth:ClockSkewSeconds", "3600" },
    };

    [Fact]
    public async Task Production_WithPlainHttpAuthority_DoesNotStart()
    {
        // The WireMock issuer is plain HTTP; outside Development metadata must come over HTTPS.
        await using var server = new ProductionServer(new() { ["Auth:RequireHttpsMetadata"] = "true" });

        var failure = Assert.ThrowsAny<Exception>(() => server.CreateClient());

        Assert.Contains("Auth:Authority must use HTTPS", failure.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(UnsafeSettings))]
    public async Task Production_WithUnsafeAuthSettings_DoesNotStart(string key, string? value)
    {
        await using var server = new ProductionServer(new() { [key] = value });

        var failure = Assert.ThrowsAny<Exception>(() => server.CreateClient());

        Assert.Contains("Auth:", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_WithExplicitlyEnabledDevServer_Starts()
    {
        await using var server = new ProductionServer(new() { ["Auth:Authority"] = "", ["Auth:DevServer:Enabled"] = "true", ["Auth:RequireHttpsMetadata"] = "true" });

        var response = await server.CreateAnonymousClient().GetAsync("/fhir/metadata");

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
