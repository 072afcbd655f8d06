using System.Text;
using FhirOncology.Core.Audit;
using FhirOncology.Core.Storage;

namespace FhirOncology.UnitTests.Core.Audit;

public sealed class AuditChainVerifierTests
{
    private static List<AuditLogEntry> Chain(int count)
    {
        var entries = new List<AuditLogEntry>();
        var previous = AuditChain.Genesis;
        for (var sequence = 1L; sequence <= count; sequence++)
        {
            var json = Encoding.UTF8.GetBytes($"{{\"resourceType\":\"AuditEvent\",\"id\":\"a{sequence}\"}}");
            var hash = AuditChain.Next(previous, json);
            entries.Add(new AuditLogEntry(sequence, DateTimeOffset.UnixEpoch, "a" + sequence, json, previous, hash, json));
            previous = hash;
        }

        return entries;
    }

    private static Task<AuditChainReport> VerifyAsync(List<AuditLogEntry> entries) =>
        new AuditChainVerifier(new ListLog(entries)).VerifyAsync(CancellationToken.None);

    [Fact]
    public void Next_IsSha256OfPreviousHashBytesThenJson()
    {
        var json = "{}"u8.ToArray();
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData([.. new byte[32], .. json]));
        Assert.Equal(expected, AuditChain.Next(AuditChain.Genesis, json));
    }

    [Fact]
    public async Task Verify_IntactChainAcrossBatches_IsValid()
    {
        var entries = Chain(1203);

        var report = await VerifyAsync(entries);

        Assert.True(report.Valid);
        Assert.Equal(1203, report.Checked);
        Assert.Null(report.FirstInvalidSequence);
        Assert.Equal(entries[^1].Hash, report.LastHash);
    }

    [Fact]
    public async Task Verify_EmptyLog_IsValidWithTheGenesisHash()
    {
        var report = await VerifyAsync([]);
        Assert.Equal((true, 0L, AuditChain.Genesis), (report.Valid, report.Checked, report.LastHash));
    }

    [Fact]
    public async Task Verify_ChangedContent_FailsAtThatEntry()
    {
        var entries = Chain(10);
        entries[6] = entries[6] with { Json = "{\"changed\":true}"u8.ToArray() };

        var report = await VerifyAsync(entries);

        Assert.Equal((false, 6L, 7L), (report.Valid, report.Checked, report.FirstInvalidSequence));
        Assert.Equal(entries[5].Hash, report.LastHash);
    }

    [Fact]
    public async Task Verify_MissingEntry_FailsAtItsSequence()
    {
        var entries = Chain(10);
        entries.RemoveAt(4);

        var report = await VerifyAsync(entries);

        Assert.Equal((false, 4L, 5L), (report.Valid, report.Checked, report.FirstInvalidSequence));
        Assert.Contains("missing", report.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_FirstEntryMissing_FailsAtOne()
    {
        var entries = Chain(3);
        entries.RemoveAt(0);

        Assert.Equal(1L, (await VerifyAsync(entries)).FirstInvalidSequence);
    }

    [Fact]
    public async Task Verify_SwappedEntries_FailAtTheFirstMovedOne()
    {
        var entries = Chain(10);
        (entries[3], entries[4]) = (entries[4] with { Sequence = 4 }, entries[3] with { Sequence = 5 });

        var report = await VerifyAsync(entries);

        Assert.Equal(4L, report.FirstInvalidSequence);
        Assert.Contains("link", report.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ServedCopyMissingOrDifferent_FailsAtThatEntry()
    {
        var missing = Chain(5);
        missing[1] = missing[1] with { ServedJson = null };
        var different = Chain(5);
        different[2] = different[2] with { ServedJson = "{}"u8.ToArray() };

        Assert.Equal(2L, (await VerifyAsync(missing)).FirstInvalidSequence);
        Assert.Equal(3L, (await VerifyAsync(different)).FirstInvalidSequence);
    }

    private sealed class ListLog(List<AuditLogEntry> entries) : IAuditLogStore
    {
        public Task<IReadOnlyList<AuditLogEntry>> ReadAsync(long afterSequence, int count, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<AuditLogEntry>>([.. entries.Where(e => e.Sequence > afterSequence).OrderBy(e => e.Sequence).Take(count)]);
    }
}
