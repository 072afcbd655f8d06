namespace FhirOncology.Storage.Resources;

/// <summary>
/// Time-ordered surrogate keys: Unix milliseconds shifted left 20 bits, the low bits a sequence within the
/// millisecond. Strictly increasing within a process; <see cref="Next"/> also takes the database's current maximum
/// when the dialect can read it inside a serialised transaction, so several processes on one SQLite file agree.
/// </summary>
internal sealed class SurrogateIdGenerator
{
    private const int SequenceBits = 20;
    private readonly Lock _gate = new();
    private long _last;

    public static long LowerBound(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds() << SequenceBits;

    public long Next(DateTimeOffset lastUpdated, long databaseMaximum)
    {
        lock (_gate)
        {
            var next = Math.Max(LowerBound(lastUpdated), Math.Max(_last, databaseMaximum) + 1);
            _last = next;
            return next;
        }
    }
}
