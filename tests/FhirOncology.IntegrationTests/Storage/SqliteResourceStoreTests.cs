using Microsoft.Data.Sqlite;

namespace FhirOncology.IntegrationTests.Storage;

/// <summary>The storage contract on a real SQLite file in a temporary directory.</summary>
public sealed class SqliteResourceStoreTests : ResourceStoreContract
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "fhironcology-store-tests", Guid.NewGuid().ToString("N"));

    protected override IReadOnlyDictionary<string, string?> StorageSettings => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "Sqlite",
        ["Storage:DataDirectory"] = _directory,
    };

    protected override string SkipReason => "";

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
