using System.Net;
using FhirOncology.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FhirOncology.IntegrationTests.Security;

/// <summary>Rate limiting, security headers, CORS and log hygiene (issue #5).</summary>
public sealed class HardeningTests(HardeningTests.Server server) : IClassFixture<HardeningTests.Server>
{
    public sealed class Server : FhirServerFactory
    {
        public CapturingLoggerProvider Logs { get; } = new();

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Hardening:PermitsPerWindow"] = "20",
            ["Hardening:WindowSeconds"] = "600",
            ["Hardening:CorsOrigins:0"] = "https://smart-app.example",
            ["Auth:ClientOrganizations:burst-client"] = "org-burst",
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(Logs));
        }
    }

    [Fact]
    public async Task RateLimit_IsPerClient_With429AndRetryAfter()
    {
        var burst = server.CreateClient(TestIssuer.Shared.CreateToken("burst-client", "system/*.rs"));
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 21; i++)
        {
            responses.Add(await burst.GetAsync("/fhir/Patient?_count=1"));
        }

        Assert.All(responses.Take(20), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var limited = responses[^1];
        await limited.AssertOutcomeAsync(HttpStatusCode.TooManyRequests, OperationOutcome.IssueType.Throttled);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, (await server.CreateClient().GetAsync("/fhir/metadata")).StatusCode); // another client is unaffected
    }

    [Fact]
    public async Task Responses_CarrySecurityHeaders()
    {
        var response = await server.CreateClient().GetAsync("/fhir/Patient?_count=1");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Cors_AllowsConfiguredSmartAppOriginsOnly()
    {
        var client = server.CreateAnonymousClient();
        HttpRequestMessage Preflight(string origin) => FhirHttp.Request(HttpMethod.Options, "/fhir/Patient", null,
            ("Origin", origin), ("Access-Control-Request-Method", "GET"), ("Access-Control-Request-Headers", "authorization"));

        var allowed = await client.SendAsync(Preflight("https://smart-app.example"));
        var refused = await client.SendAsync(Preflight("https://evil.example"));

        Assert.Equal("https://smart-app.example", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Logs_HoldNoPatientDataNoTokensAndNoSecrets()
    {
        var token = TestIssuer.Shared.CreateToken(FhirServerFactory.DefaultClientId, FhirServerFactory.DefaultScopes);
        var client = server.CreateClient(token);
        var patient = FhirHttp.NewPatient("MRN-SECRET-4711", "Zanzibarsky");
        var invalid = FhirHttp.NewPatient("MRN-SECRET-4711", "Zanzibarsky");
        invalid.BirthDate = "not-a-date";

        await client.PostAsync("/fhir/Patient", FhirHttp.Json(patient));
        await client.PostAsync("/fhir/Patient", FhirHttp.Json(invalid));
        await client.GetAsync("/fhir/Patient?family=Zanzibarsky&identifier=MRN-SECRET-4711");
        await server.CreateClient(token + "x").GetAsync("/fhir/Patient?name=Zanzibarsky");

        var logs = string.Join('\n', server.Logs.Messages);
        Assert.NotEmpty(server.Logs.Messages);
        Assert.DoesNotContain("Zanzibarsky", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("MRN-SECRET-4711", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Split('.')[1], logs, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Split('.')[2], logs, StringComparison.Ordinal);
    }
}
