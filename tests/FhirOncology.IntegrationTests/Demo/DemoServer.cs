using FhirOncology.IntegrationTests.Infrastructure;

namespace FhirOncology.IntegrationTests.Demo;

/// <summary>The server with the demo data on (Demo:Enabled), and the demo clients mapped to their organisations.</summary>
public sealed class DemoServer : FhirServerFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Demo:Enabled"] = "true",
        ["Auth:ClientOrganizations:ehr-north"] = "org-north-hospital",
        ["Auth:ClientOrganizations:ehr-south"] = "org-south-clinic",
        ["Auth:ClientOrganizations:review-center"] = "org-review-center",
    };

    public HttpClient Client(string clientId) => CreateClient(TestIssuer.Shared.CreateToken(clientId, DefaultScopes));
}
