namespace FhirOncology.IntegrationTests.Infrastructure;

/// <summary>The server as the one-command start runs it: no external issuer, the development authorization server on.</summary>
public class DevServerFactory : FhirServerFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Auth:Authority"] = "",
        ["Auth:Audience"] = "http://localhost:8080/fhir",
    };
}
