namespace FhirOncology.IntegrationTests.Infrastructure;

/// <summary>The server in Development with the development authorization server switched off (Auth:DevServer:Enabled=false).</summary>
public class NoDevServerFactory : FhirServerFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Auth:DevServer:Enabled"] = "false",
    };
}
