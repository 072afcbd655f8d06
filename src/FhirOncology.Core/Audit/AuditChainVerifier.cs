using System.Globalization;
using FhirOncology.Core.Storage;

namespace FhirOncology.Core.Audit;

/// <summary>
/// Walks the audit log from its first entry and checks every link of the chain (issue #5): sequence numbers run
/// 1, 2, 3 … without gaps (a deleted entry is reported at its own number), each entry names the previous entry's
/// hash (a reordered entry fails there), its hash matches its content (a changed entry fails there), and the
/// AuditEvent the API serves is byte for byte the logged one. Stops at the first failure. A chain cut short at its
/// end, or rewritten from some entry on with new hashes, still verifies: anchor <see cref="AuditChainReport.LastHash"/>
/// outside the database to detect that.
/// </summary>
public sealed class AuditChainVerifier(IAuditLogStore log)
{
    private const int BatchSize = 500;

    public async Task<AuditChainReport> VerifyAsync(CancellationToken ct)
    {
        var previous = AuditChain.Genesis;
        var intact = 0L;
        var after = 0L;
        while (true)
        {
            var entries = await log.ReadAsync(after, BatchSize, ct);
            if (entries.Count == 0)
            {
                return new AuditChainReport(true, intact, null, Format($"The audit chain holds: {intact} entries verified."), previous);
            }

            foreach (var entry in entries)
            {
                var expected = intact + 1;
                var failure = Check(entry, expected, previous, out var hash);
                if (failure is not null)
                {
                    var at = entry.Sequence == expected ? entry.Sequence : expected;
                    return new AuditChainReport(false, intact, at, Format($"Audit entry {at}: {failure}"), previous);
                }

                previous = hash;
                intact++;
                after = entry.Sequence;
            }
        }
    }

    private static string? Check(AuditLogEntry entry, long expected, string previous, out string hash)
    {
        hash = "";
        if (entry.Sequence != expected)
        {
            return "missing (the next entry is " + entry.Sequence.ToString(CultureInfo.InvariantCulture) + ").";
        }

        if (!string.Equals(entry.PreviousHash, previous, StringComparison.OrdinalIgnoreCase))
        {
            return "does not link to the entry before it (removed, inserted or reordered entries).";
        }

        hash = AuditChain.Next(previous, entry.Json.Span);
        if (!string.Equals(entry.Hash, hash, StringComparison.OrdinalIgnoreCase))
        {
            return "its content does not match its hash (changed after it was written).";
        }

        return entry.ServedJson is { } served && served.Span.SequenceEqual(entry.Json.Span)
            ? null
            : $"the AuditEvent/{entry.ResourceId} served by the API is missing or differs from the logged one.";
    }

    private static string Format(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
