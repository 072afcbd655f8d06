using FhirOncology.Core.Audit;
using Microsoft.Extensions.Options;

namespace FhirOncology.Api.Audit;

/// <summary>
/// Writes queued audit records in batches, one database transaction each (issue #5). A failed batch is retried
/// with back-off until it is written: the queue fills meanwhile and requests wait, so the server slows to a stop
/// rather than serve unaudited. At shutdown (the web server has stopped taking requests by then) the queue is
/// completed and drained; only the host's shutdown timeout can cut that short, and that is logged.
/// </summary>
internal sealed partial class AuditWriterService(
    AuditQueue queue, AuditWriter writer, IOptions<AuditOptions> options, ILogger<AuditWriterService> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);
    private readonly CancellationTokenSource _abort = new();

    // Runs until the queue is completed and empty, not until stoppingToken: queued records are written first.
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<AuditRecord>(options.Value.MaxBatchSize);
        try
        {
            while (await queue.Reader.WaitToReadAsync(_abort.Token))
            {
                while (batch.Count < options.Value.MaxBatchSize && queue.Reader.TryRead(out var record))
                {
                    batch.Add(record);
                }

                await WriteAsync(batch);
                queue.MarkWritten(batch.Count);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            LogUnwritten(queue.Pending);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        await using var registration = cancellationToken.Register(_abort.Cancel);
        await base.StopAsync(cancellationToken);
    }

    private async Task WriteAsync(List<AuditRecord> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await writer.WriteAsync(batch, _abort.Token);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !_abort.IsCancellationRequested)
            {
                LogRetry(ex.GetType().FullName ?? "Exception", batch.Count, attempt, ex.StackTrace ?? "");
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(MaxBackoff.TotalMilliseconds, 50 * Math.Pow(2, attempt))), _abort.Token);
            }
        }
    }

    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing {Count} audit records failed with {ExceptionType} (attempt {Attempt}); retrying. At {StackTrace}")]
    private partial void LogRetry(string exceptionType, int count, int attempt, string stackTrace);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Shutdown timed out with {Count} audit records not written")]
    private partial void LogUnwritten(long count);
}
