using System.Data.Common;

namespace FhirOncology.Storage.Dialects;

/// <summary>
/// Everything that differs between databases, in one place (STYLE.md §5): connections, transactions, locking,
/// row limits and script batching. The SQL the store runs is otherwise shared.
/// </summary>
internal abstract class SqlDialect
{
    public abstract StorageProvider Provider { get; }

    /// <summary>Appended to a table name in reads made inside a write transaction.</summary>
    public abstract string WriteLockHint { get; }

    /// <summary>
    /// True when write transactions are serialised by the database itself (SQLite's single writer), so the store
    /// may read MAX(ResourceSurrogateId) inside one and be sure no one else is writing.
    /// </summary>
    public abstract bool SerialisesWriters { get; }

    /// <summary>Creates the database's home when needed (SQLite: the data directory and WAL mode).</summary>
    public abstract Task PrepareDatabaseAsync(CancellationToken cancellationToken);

    public abstract DbConnection CreateConnection();

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = CreateConnection();
        try
        {
            await connection.OpenAsync(cancellationToken);
            await OnOpenedAsync(connection, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>A transaction that holds the write lock from its first statement on.</summary>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary><c>SELECT columns rest</c> limited to <c>@Take</c> rows.</summary>
    public abstract string SelectTop(string columns, string rest);

    /// <summary>Serialises schema migration between processes starting at once (inside the migration transaction).</summary>
    public abstract string MigrationLock { get; }

    public abstract string CreateSchemaVersionTable { get; }

    /// <summary>
    /// Serialises appends to the audit log's hash chain between transactions and processes (inside the write
    /// transaction, before the chain's head is read), so two writers never link to the same entry.
    /// </summary>
    public abstract string AuditChainLock { get; }

    public abstract IReadOnlyList<string> SplitScript(string script);

    protected virtual Task OnOpenedAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;
}
