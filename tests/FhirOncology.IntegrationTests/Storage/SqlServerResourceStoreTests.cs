namespace FhirOncology.IntegrationTests.Storage;

/// <summary>
/// The storage contract on SQL Server, when FHIRONCOLOGY_TEST_SQLSERVER holds a connection string to a database
/// the tests may create tables in (docker-compose.yml starts one). Without it every test here is reported skipped.
/// </summary>
public sealed class SqlServerResourceStoreTests : ResourceStoreContract
{
    public const string Variable = "FHIRONCOLOGY_TEST_SQLSERVER";

    private static readonly string? ConnectionString = Environment.GetEnvironmentVariable(Variable);

    protected override IReadOnlyDictionary<string, string?>? StorageSettings => string.IsNullOrWhiteSpace(ConnectionString)
        ? null
        : new Dictionary<string, string?> { ["Storage:Provider"] = "SqlServer", ["Storage:ConnectionString"] = ConnectionString };

    protected override string SkipReason => $"SQL Server leg skipped: {Variable} is not set.";
}
