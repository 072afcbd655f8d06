using System.Threading.Channels;
using FhirOncology.Core.Audit;
using Microsoft.Extensions.Options;

namespace FhirOncology.Api.Audit;

/// <summary>
/// The bounded queue between requests and <see cref="AuditWriterService"/>. A full queue makes the request wait
/// (backpressure) rather than lose a record; after shutdown has begun, enqueueing fails loudly.
/// </summary>
internal sealed class AuditQueue
{
    private readonly Channel<AuditRecord> _channel;
    private long _enqueued;
    private long _written;

    public AuditQueue(IOptions<AuditOptions> options) =>
        _channel = Channel.CreateBounded<AuditRecord>(new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });

    public ChannelReader<AuditRecord> Reader => _channel.Reader;

    /// <summary>Records enqueued and not yet committed to the database.</summary>
    public long Pending => Interlocked.Read(ref _enqueued) - Interlocked.Read(ref _written);

    public async ValueTask EnqueueAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _enqueued);
        try
        {
            await _channel.Writer.WriteAsync(record, cancellationToken);
        }
        catch
        {
            Interlocked.Decrement(ref _enqueued);
            throw;
        }
    }

    public void MarkWritten(int count) => Interlocked.Add(ref _written, count);

    /// <summary>No more records: the writer drains what is queued and stops.</summary>
    public void Complete() => _channel.Writer.TryComplete();
}
