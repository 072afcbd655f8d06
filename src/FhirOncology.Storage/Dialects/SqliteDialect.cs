using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace FhirOncology.Storage.Dialects;

/// <summary>The embedded default: one SQLite file in WAL mode (readers never block the single writer).</summary>
internal sealed class SqliteDialect(string connectionString) : SqlDialect
{
    public override StorageProvider Provider => StorageProvider.Sqlite;

    public override string WriteLockHint => "";

    public override bool SerialisesWriters => true;

    public override string MigrationLock => "SELECT 1"; // BEGIN IMMEDIATE already holds the database's write lock

    public override string AuditChainLock => "SELECT 1"; // likewise: one writer at a time

    public override string CreateSchemaVersionTable =>
        "CREATE TABLE IF NOT EXISTS SchemaVersion (Version INTEGER NOT NULL PRIMARY KEY, Name TEXT NOT NULL, AppliedAt TEXT NOT NULL)";

    public override DbConnection CreateConnection() => new SqliteConnection(connectionString);

    public override async Task PrepareDatabaseAsync(CancellationToken cancellationToken)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await using var connection = CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;"; // persistent: stored in the database file
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // deferred: false issues BEGIN IMMEDIATE, taking the write lock before the first read, which is what makes
        // check-then-insert (conditional create) race-free.
        return await Task.FromResult(((SqliteConnection)connection).BeginTransaction(deferred: false));
    }

    public override string SelectTop(string columns, string rest) => $"SELECT {columns} {rest} LIMIT @Take";

    public override IReadOnlyList<string> SplitScript(string script) => [script];

    protected override async Task OnOpenedAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        // NORMAL is durable in WAL mode except for the last commits on power loss; busy_timeout lets a writer wait.
        command.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
