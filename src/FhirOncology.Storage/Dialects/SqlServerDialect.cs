using System.Data;
using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Data.SqlClient;

namespace FhirOncology.Storage.Dialects;

/// <summary>SQL Server for production: row locks held to the end of the write transaction make conditional writes race-free.</summary>
internal sealed partial class SqlServerDialect(string connectionString) : SqlDialect
{
    public override StorageProvider Provider => StorageProvider.SqlServer;

    // UPDLOCK + HOLDLOCK: key-range locks on what was read (including "nothing matched") until commit.
    public override string WriteLockHint => " WITH (UPDLOCK, HOLDLOCK)";

    public override bool SerialisesWriters => false;

    public override string MigrationLock =>
        "EXEC sp_getapplock @Resource = 'FhirOncology.Schema', @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 60000";

    // Held to the end of the transaction; the chain's head is read after it is granted.
    public override string AuditChainLock =>
        "DECLARE @Granted int; EXEC @Granted = sp_getapplock @Resource = 'FhirOncology.AuditLog', @LockMode = 'Exclusive', "
        + "@LockOwner = 'Transaction', @LockTimeout = 60000; IF @Granted < 0 THROW 50006, 'The audit log lock was not granted', 1;";

    public override string CreateSchemaVersionTable =>
        "IF OBJECT_ID('SchemaVersion') IS NULL CREATE TABLE SchemaVersion (Version int NOT NULL PRIMARY KEY, Name nvarchar(200) NOT NULL, AppliedAt nvarchar(40) NOT NULL)";

    public override DbConnection CreateConnection() => new SqlConnection(connectionString);

    public override Task PrepareDatabaseAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);

    public override string SelectTop(string columns, string rest) => $"SELECT TOP (@Take) {columns} {rest}";

    public override IReadOnlyList<string> SplitScript(string script) =>
        [.. GoSeparator().Split(script).Select(batch => batch.Trim()).Where(batch => batch.Length > 0)];

    [GeneratedRegex(@"^\s*GO\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GoSeparator();
}
