using System.Net;
using FhirOncology.Core.Audit;
using FhirOncology.IntegrationTests.Infrastructure;
using FhirOncology.Storage.Resources;
using Hl7.Fhir.Model;
using Microsoft.Data.Sqlite;

namespace FhirOncology.IntegrationTests.Audit;

/// <summary>
/// The audit log is hash-chained and <c>[base]/$verify-audit-chain</c> finds tampering at the entry where it
/// happened (issue #5). Each tampering test owns its server: a broken chain stays broken.
/// </summary>
public sealed class AuditChainTests
{
    private const int Requests = 6;

    private static async Task<(AuditServerFactory Factory, HttpClient Client, IReadOnlyList<long> Sequences)> ServerWithHistoryAsync()
    {
        var factory = new AuditServerFactory();
        var client = factory.CreateClient();
        var patient = await client.CreatePatientAsync("chain");
        for (var i = 0; i < Requests; i++)
        {
            await client.GetAsync($"/fhir/Patient/{patient.Id}");
        }

        var entries = await factory.ReadAuditLogAsync();
        return (factory, client, [.. entries.Select(e => e.Sequence)]);
    }

    private static async Task<Parameters> VerifyAsync(HttpClient client, HttpMethod? method = null)
    {
        var response = await client.SendAsync(new HttpRequestMessage(method ?? HttpMethod.Get, "/fhir/$verify-audit-chain"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<Parameters>();
    }

    private static async Task TamperAsync(AuditServerFactory factory, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        // Someone with the database file in hand: the append-only triggers are no obstacle to them.
        command.CommandText = "DROP TRIGGER IF EXISTS TR_AuditLog_NoUpdate; DROP TRIGGER IF EXISTS TR_AuditLog_NoDelete; " + sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    private static void AssertBroken(Parameters result, long sequence)
    {
        Assert.False(result.GetSingleValue<FhirBoolean>("valid")?.Value);
        Assert.Equal((int)sequence, result.GetSingleValue<Integer>("firstInvalidSequence")?.Value);
        Assert.Equal((int)sequence - 1, result.GetSingleValue<Integer>("checked")?.Value);
        Assert.Contains($"Audit entry {sequence}:", result.GetSingleValue<FhirString>("message")?.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AfterASeriesOfRequests_IsValid()
    {
        var (factory, client, sequences) = await ServerWithHistoryAsync();
        await using var _ = factory;

        var result = await VerifyAsync(client);
        await factory.WaitForAuditAsync();
        var byPost = await VerifyAsync(client, HttpMethod.Post);

        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
        Assert.True(result.GetSingleValue<FhirBoolean>("valid")?.Value);
        Assert.Equal(sequences.Count, result.GetSingleValue<Integer>("checked")?.Value);
        Assert.Null(result.Parameter.FirstOrDefault(p => p.Name == "firstInvalidSequence"));
        var entries = await factory.ReadAuditLogAsync();
        Assert.Equal(entries[sequences.Count - 1].Hash, result.GetSingleValue<FhirString>("lastHash")?.Value);
        Assert.True(byPost.GetSingleValue<FhirBoolean>("valid")?.Value);
        Assert.True(byPost.GetSingleValue<Integer>("checked")?.Value > sequences.Count); // the first verification was recorded too
    }

    [Fact]
    public async Task Verify_ChangedJson_IsDetectedAtThatEntry()
    {
        var (factory, client, sequences) = await ServerWithHistoryAsync();
        await using var _ = factory;
        var target = sequences[3];

        await TamperAsync(factory, "UPDATE AuditLog SET Json = replace(Json, '\"HTTP 200\"', '\"HTTP 404\"') WHERE Sequence = @S", ("@S", target));

        AssertBroken(await VerifyAsync(client), target);
    }

    [Fact]
    public async Task Verify_ChangedEntryWithItsHashAndServedCopyRewritten_IsDetectedAtTheNextEntry()
    {
        var (factory, client, _) = await ServerWithHistoryAsync();
        await using var __ = factory;
        var target = (await factory.ReadAuditLogAsync())[2];
        var forged = System.Text.Encoding.UTF8.GetString(target.Json.Span).Replace("\"HTTP 200\"", "\"HTTP 404\"", StringComparison.Ordinal);
        var forgedBytes = System.Text.Encoding.UTF8.GetBytes(forged);

        await TamperAsync(factory,
            "UPDATE AuditLog SET Json = @Json, Hash = @Hash WHERE Sequence = @S; "
            + "UPDATE Resource SET RawResource = @Raw WHERE ResourceType = 'AuditEvent' AND ResourceId = @Id",
            ("@Json", forged), ("@Hash", AuditChain.Next(target.PreviousHash, forgedBytes)), ("@S", target.Sequence),
            ("@Raw", RawResourceCodec.Compress(forgedBytes)), ("@Id", target.ResourceId));

        var result = await VerifyAsync(client);
        AssertBroken(result, target.Sequence + 1); // the forged entry is self-consistent; its successor no longer links to it
        Assert.Contains("link", result.GetSingleValue<FhirString>("message")?.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_DeletedEntry_IsDetectedAtItsSequence()
    {
        var (factory, client, sequences) = await ServerWithHistoryAsync();
        await using var _ = factory;
        var target = sequences[2];

        await TamperAsync(factory, "DELETE FROM AuditLog WHERE Sequence = @S", ("@S", target));

        var result = await VerifyAsync(client);
        AssertBroken(result, target);
        Assert.Contains("missing", result.GetSingleValue<FhirString>("message")?.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ReorderedEntries_AreDetectedAtTheFirstMovedOne()
    {
        var (factory, client, sequences) = await ServerWithHistoryAsync();
        await using var _ = factory;
        var first = sequences[2];

        await TamperAsync(factory,
            "UPDATE AuditLog SET Sequence = -1 WHERE Sequence = @A; UPDATE AuditLog SET Sequence = @A WHERE Sequence = @B; UPDATE AuditLog SET Sequence = @B WHERE Sequence = -1;",
            ("@A", first), ("@B", first + 1));

        AssertBroken(await VerifyAsync(client), first);
    }

    [Fact]
    public async Task Verify_ChangedServedCopy_IsDetectedAtThatEntry()
    {
        var (factory, client, sequences) = await ServerWithHistoryAsync();
        await using var _ = factory;
        var target = (await factory.ReadAuditLogAsync())[4];
        var forged = System.Text.Encoding.UTF8.GetString(target.Json.Span).Replace("\"HTTP 200\"", "\"HTTP 404\"", StringComparison.Ordinal);

        await TamperAsync(factory, "UPDATE Resource SET RawResource = @Raw WHERE ResourceType = 'AuditEvent' AND ResourceId = @Id",
            ("@Raw", RawResourceCodec.Compress(System.Text.Encoding.UTF8.GetBytes(forged))), ("@Id", target.ResourceId));

        var result = await VerifyAsync(client);
        AssertBroken(result, target.Sequence);
        Assert.Contains("served", result.GetSingleValue<FhirString>("message")?.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditLog_RefusesUpdateAndDeleteInTheDatabase()
    {
        var (factory, _, sequences) = await ServerWithHistoryAsync();
        await using var __ = factory;
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False");
        await connection.OpenAsync();

        foreach (var sql in new[] { "UPDATE AuditLog SET Json = '{}' WHERE Sequence = 1", "DELETE FROM AuditLog WHERE Sequence = 1" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var error = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
            Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(sequences.Count, (await factory.ReadAuditLogAsync()).Count);
    }

    [Fact]
    public async Task Verify_NeedsAnAdministrator()
    {
        await using var factory = new AuditServerFactory();
        var auditor = factory.CreateClient(FhirServerFactory.DefaultClientId, "system/AuditEvent.rs system/*.rs");

        await (await auditor.GetAsync("/fhir/$verify-audit-chain")).AssertOutcomeAsync(HttpStatusCode.Forbidden, OperationOutcome.IssueType.Forbidden);
        await (await factory.CreateAnonymousClient().PostAsync("/fhir/$verify-audit-chain", null)).AssertOutcomeAsync(HttpStatusCode.Unauthorized);
    }
}
