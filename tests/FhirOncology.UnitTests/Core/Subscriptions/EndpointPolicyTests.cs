using FhirOncology.Core.Errors;
using FhirOncology.Core.Subscriptions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FhirOncology.UnitTests.Core.Subscriptions;

public sealed class EndpointPolicyTests
{
    private static EndpointPolicy Policy(string environment, bool? allowHttp = null, params string[] prefixes) =>
        new(Options.Create(new SubscriptionOptions { AllowedEndpointPrefixes = prefixes, AllowHttpEndpoints = allowHttp }), new Environment(environment));

    [Theory]
    [InlineData("https://ehr.example.org/fhir/notify", true)]
    [InlineData("https://EHR.example.org/fhir/notify?tenant=1", true)] // hosts compare case-insensitively
    [InlineData("https://ehr.example.org/fhir", true)]
    [InlineData("https://ehr.example.org/fhirish", false)] // a path prefix is a whole segment
    [InlineData("https://ehr.example.org.evil.test/fhir/notify", false)]
    [InlineData("https://ehr.example.org:8443/fhir/notify", false)]
    [InlineData("http://ehr.example.org/fhir/notify", false)]
    [InlineData("https://other.example.org/fhir/notify", false)]
    public void Check_WithPrefixes_AdmitsOnlyWhatIsUnderOne(string endpoint, bool allowed) =>
        Assert.Equal(allowed, Policy("Production", null, "https://ehr.example.org/fhir", "https://ehr2.example.org/hooks/").Check(endpoint, out _) is null);

    [Theory]
    [InlineData("Production", null, false)]
    [InlineData("Development", null, true)]
    [InlineData("Production", true, true)]
    [InlineData("Development", false, false)]
    public void Check_PlainHttp_OnlyInDevelopmentOrBySetting(string environment, bool? allowHttp, bool allowed) =>
        Assert.Equal(allowed, Policy(environment, allowHttp).Check("http://localhost:9000/notify", out _) is null);

    [Theory]
    [InlineData("")]
    [InlineData("notify")]
    [InlineData("/notify")]
    [InlineData("ftp://ehr.example.org/notify")]
    [InlineData("mailto:ehr@example.org")]
    [InlineData("https://user:secret@ehr.example.org/notify")]
    public void Require_NotAnAbsoluteHttpsUrl_Is400(string endpoint) =>
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, Assert.Throws<FhirException>(() => Policy("Production").Require(endpoint)).Status);

    [Fact]
    public void HostOf_NamesHostAndPortOnly() =>
        Assert.Equal(("ehr.example.org", "localhost:9000"),
            (EndpointPolicy.HostOf(new Uri("https://ehr.example.org/patients/123?x=1")), EndpointPolicy.HostOf(new Uri("http://localhost:9000/a"))));

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "tests";

        public string ContentRootPath { get; set; } = "";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
