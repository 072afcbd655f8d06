using System.Data.Common;
using System.Globalization;
using System.Text;
using Dapper;
using FhirOncology.Core.Indexing;

namespace FhirOncology.Storage.Resources;

/// <summary>Inserts a version's index rows, table by table, in multi-row statements inside the write transaction.</summary>
internal sealed class IndexRowWriter(DbConnection connection, DbTransaction transaction)
{
    // SQL Server allows 2,100 parameters a statement.
    private const int MaxParameters = 2000;

    public async Task WriteAsync(long surrogateId, string type, SearchIndexEntries entries, CancellationToken ct)
    {
        await InsertAsync(IndexTables.Token, entries.Tokens, surrogateId, type, ct);
        await InsertAsync(IndexTables.String, entries.Strings, surrogateId, type, ct);
        await InsertAsync(IndexTables.Date, entries.Dates, surrogateId, type, ct);
        await InsertAsync(IndexTables.Reference, entries.References, surrogateId, type, ct);
        await InsertAsync(IndexTables.Quantity, entries.Quantities, surrogateId, type, ct);
        await InsertAsync(IndexTables.Number, entries.Numbers, surrogateId, type, ct);
        await InsertAsync(IndexTables.Uri, entries.Uris, surrogateId, type, ct);
        await InsertAsync(IndexTables.Composite, entries.Composites, surrogateId, type, ct);
    }

    private async Task InsertAsync<T>(IndexTable<T> table, IReadOnlyCollection<T> rows, long surrogateId, string type, CancellationToken ct)
    {
        var rowsPerStatement = MaxParameters / table.Columns.Length;
        foreach (var chunk in rows.Chunk(rowsPerStatement))
        {
            var parameters = new DynamicParameters();
            parameters.Add("S", surrogateId);
            parameters.Add("T", type);
            var sql = new StringBuilder("INSERT INTO ").Append(table.Name).Append(" (ResourceSurrogateId, ResourceType, ")
                .AppendJoin(", ", table.Columns).Append(") VALUES ");
            for (var row = 0; row < chunk.Length; row++)
            {
                var values = table.Values(chunk[row]);
                sql.Append(row == 0 ? "(@S, @T" : ", (@S, @T");
                for (var column = 0; column < values.Length; column++)
                {
                    var name = string.Create(CultureInfo.InvariantCulture, $"p{row}_{column}");
                    parameters.Add(name, values[column]);
                    sql.Append(", @").Append(name);
                }

                sql.Append(')');
            }

            await connection.ExecuteAsync(new CommandDefinition(sql.ToString(), parameters, transaction, cancellationToken: ct));
        }
    }
}
