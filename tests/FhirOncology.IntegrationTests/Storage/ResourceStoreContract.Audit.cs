using System.Text;
using FhirOncology.Core.Audit;
using FhirOncology.Core.Indexing;
using FhirOncology.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace FhirOncology.IntegrationTests.Storage;

/// <summary>The audit log's hash chain and the case lookup the audit writer uses (issue #5), on every database.</summary>
public abstract partial class ResourceStoreContract
{
    private IAuditLogStore AuditLog => _provider!.GetRequiredService<IAuditLogStore>();

    private async Task<(long Sequence, string Hash)> AuditHeadAsync()
    {
        var head = (0L, AuditChain.Genesis);
        for (var page = await AuditLog.ReadAsync(0, 1000, Ct); page.Count > 0; page = await AuditLog.ReadAsync(head.Item1, 1000, Ct))
        {
            head = (page[^1].Sequence, page[^1].Hash);
        }

        return head;
    }

    /// <summary>Stores an AuditEvent like the audit writer does: as a resource, and in the log with the same bytes.</summary>
    private static async Task<byte[]> AppendAuditEventAsync(IStoreWriteTransaction transaction)
    {
        var key = NewKey("AuditEvent");
        var json = Encoding.UTF8.GetBytes($"{{\"resourceType\":\"AuditEvent\",\"id\":\"{key.Id}\",\"outcomeDesc\":\"Ünïcode ✓\"}}");
        var recorded = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        await transaction.SaveAsync(new NewVersion(key, 1, recorded, WriteMethod.Create, json, SearchIndexEntries.None), Ct);
        await transaction.AppendAuditAsync(key.Id, recorded, json, Ct);
        return json;
    }

    [Fact]
    public async Task AppendAudit_LinksEveryEntryToThePreviousAcrossTransactions()
    {
        _ = Store;
        var head = await AuditHeadAsync();
        var written = new List<byte[]>();
        await using (var transaction = await Store.BeginWriteAsync(Ct))
        {
            written.Add(await AppendAuditEventAsync(transaction));
            written.Add(await AppendAuditEventAsync(transaction));
            await transaction.CommitAsync(Ct);
        }

        await using (var transaction = await Store.BeginWriteAsync(Ct))
        {
            written.Add(await AppendAuditEventAsync(transaction));
            await transaction.CommitAsync(Ct);
        }

        var entries = await AuditLog.ReadAsync(head.Sequence, 10, Ct);

        Assert.Equal([head.Sequence + 1, head.Sequence + 2, head.Sequence + 3], entries.Select(e => e.Sequence));
        var previous = head.Hash;
        for (var i = 0; i < entries.Count; i++)
        {
            Assert.Equal(written[i], entries[i].Json.ToArray());
            Assert.Equal(written[i], entries[i].ServedJson?.ToArray());
            Assert.Equal(previous, entries[i].PreviousHash);
            Assert.Equal(AuditChain.Next(previous, written[i]), entries[i].Hash);
            previous = entries[i].Hash;
        }
    }

    [Fact]
    public async Task AppendAudit_RolledBack_LeavesNoGap()
    {
        _ = Store;
        var head = await AuditHeadAsync();
        await using (var abandoned = await Store.BeginWriteAsync(Ct))
        {
            await AppendAuditEventAsync(abandoned); // disposed without commit
        }

        await using (var transaction = await Store.BeginWriteAsync(Ct))
        {
            await AppendAuditEventAsync(transaction);
            await transaction.CommitAsync(Ct);
        }

        var entry = Assert.Single(await AuditLog.ReadAsync(head.Sequence, 10, Ct));
        Assert.Equal((head.Sequence + 1, head.Hash), (entry.Sequence, entry.PreviousHash));
    }

    [Fact]
    public async Task ReadCasePatients_ReturnsTheMembershipLastWritten()
    {
        var key = NewKey("Observation");
        await using var transaction = await Store.BeginWriteAsync(Ct);
        await transaction.SaveAsync(Version(key, 1, WriteMethod.Create), Ct);
        await transaction.SetCaseMembershipAsync(key, ["p1", "p2"], Ct);
        await transaction.SetCaseMembershipAsync(key, ["p2", "p3"], Ct);

        Assert.Equal(["p2", "p3"], (await transaction.ReadCasePatientsAsync(key, Ct)).Order(StringComparer.Ordinal));
        Assert.Empty(await transaction.ReadCasePatientsAsync(NewKey("Observation"), Ct));
    }
}
