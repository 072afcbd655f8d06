using FhirOncology.Storage.Dialects;

namespace FhirOncology.UnitTests.Storage.Dialects;

public sealed class SqlServerDialectTests
{
    [Fact]
    public void SplitScript_SplitsOnGoLinesOnly()
    {
        var dialect = new SqlServerDialect("Server=unused");
        var batches = dialect.SplitScript("CREATE TABLE A (Going int);\nGO\n  go  \nCREATE INDEX X ON A (Going);\nGO\n");
        Assert.Equal(["CREATE TABLE A (Going int);", "CREATE INDEX X ON A (Going);"], batches);
    }

    [Fact]
    public void EmbeddedSqlServerMigrations_HaveTheSameTablesAsSqlite()
    {
        static string[] Tables(string provider)
        {
            var assembly = typeof(SqlDialect).Assembly;
            return [.. assembly.GetManifestResourceNames()
                .Where(n => n.Contains($".Migrations.{provider}.", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .SelectMany(name =>
                {
                    using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                    return System.Text.RegularExpressions.Regex.Matches(reader.ReadToEnd(), @"CREATE (?:UNIQUE )?(?:TABLE|INDEX) (\w+)").Select(m => m.Groups[1].Value).ToList();
                })];
        }

        Assert.Equal(Tables("Sqlite"), Tables("SqlServer"));
    }
}
