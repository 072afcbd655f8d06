using System.Data.Common;
using System.Globalization;
using Dapper;
using FhirOncology.Storage.Dialects;
using Microsoft.Extensions.Logging;

namespace FhirOncology.Storage.Migrations;

/// <summary>
/// Forward-only schema migrations, embedded as <c>Migrations/{Provider}/NNNN_name.sql</c> and applied at start-up
/// in one transaction, under a lock so that two processes starting together do not both apply them.
/// </summary>
internal sealed partial class SchemaMigrator(SqlDialect dialect, ILogger<SchemaMigrator> logger)
{
    private readonly List<Migration> _migrations = LoadEmbedded(dialect.Provider);

    public int LatestVersion => _migrations.Count == 0 ? 0 : _migrations[^1].Version;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await dialect.PrepareDatabaseAsync(cancellationToken);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await dialect.BeginWriteAsync(connection, cancellationToken);
        await ExecuteAsync(connection, transaction, dialect.MigrationLock, cancellationToken);
        await ExecuteAsync(connection, transaction, dialect.CreateSchemaVersionTable, cancellationToken);
        var applied = (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT Version FROM SchemaVersion", transaction: transaction, cancellationToken: cancellationToken))).ToHashSet();

        foreach (var migration in _migrations.Where(m => !applied.Contains(m.Version)))
        {
            foreach (var batch in dialect.SplitScript(migration.Script))
            {
                await ExecuteAsync(connection, transaction, batch, cancellationToken);
            }

            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO SchemaVersion (Version, Name, AppliedAt) VALUES (@Version, @Name, @AppliedAt)",
                new { migration.Version, migration.Name, AppliedAt = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture) },
                transaction, cancellationToken: cancellationToken));
            LogApplied(migration.Version, migration.Name, dialect.Provider);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The schema version the database is at (0 before the first migration).</summary>
    public static async Task<long> CurrentVersionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT MAX(Version) FROM SchemaVersion", cancellationToken: cancellationToken)) ?? 0;

    private static Task<int> ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(sql, transaction: transaction, cancellationToken: ct));

    private static List<Migration> LoadEmbedded(StorageProvider provider)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var prefix = $"{typeof(SchemaMigrator).Namespace}.{provider}.";
        return [.. assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name =>
            {
                var fileName = name[prefix.Length..^".sql".Length];
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                var version = int.Parse(fileName.TrimStart('_')[..4], CultureInfo.InvariantCulture);
                return new Migration(version, fileName, reader.ReadToEnd());
            })
            .OrderBy(m => m.Version)];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied schema migration {Version} ({Name}) on {Provider}")]
    private partial void LogApplied(int version, string name, StorageProvider provider);

    private sealed record Migration(int Version, string Name, string Script);
}
