using FhirOncology.Core.Indexing;

namespace FhirOncology.Api.Indexing;

/// <summary>
/// Runs the reindex job in the background, one run at a time: at start-up (resuming or starting a run when the
/// SearchParameter definitions changed) and when an operator asks for a full reindex with POST [base]/$reindex.
/// </summary>
internal sealed partial class ReindexRunner(ReindexService reindex, IHostApplicationLifetime lifetime, ILogger<ReindexRunner> logger) : BackgroundService
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public bool IsRunning => _gate.CurrentCount == 0;

    /// <summary>Starts a run unless one is going; returns false when one already is.</summary>
    public bool TryStart(bool force)
    {
        if (!_gate.Wait(0))
        {
            return false;
        }

        _ = Task.Run(() => RunHeldAsync(force, lifetime.ApplicationStopping));
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await _gate.WaitAsync(stoppingToken);
        await RunHeldAsync(force: false, stoppingToken);
    }

    private async Task RunHeldAsync(bool force, CancellationToken ct)
    {
        try
        {
            await reindex.RunAsync(force, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: progress is saved per batch, the next start resumes.
        }
        catch (Exception ex)
        {
            // The job must not take the server down; it is retried at the next start and visible in $reindex.
            LogFailed(ex.GetType().FullName ?? "Exception", ex.StackTrace ?? "");
        }
        finally
        {
            _gate.Release();
        }
    }

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reindex failed with {ExceptionType} at {StackTrace}")]
    private partial void LogFailed(string exceptionType, string stackTrace);
}
