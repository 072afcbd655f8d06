using System.Diagnostics;
using System.Globalization;
using FhirOncology.Benchmarks.Http;

namespace FhirOncology.Benchmarks.Load;

/// <summary>Runs closed-loop clients: each sends its next request as soon as the previous one has been answered.</summary>
internal static class LoadRunner
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(5);

    /// <param name="label">Names the run in the progress lines.</param>
    /// <param name="clients">Concurrent clients.</param>
    /// <param name="stop">When to stop starting requests; requests already sent are always finished and counted.</param>
    /// <param name="send">Sends one request; gets the worker and the run-wide sequence number of the request.</param>
    /// <param name="log">Where progress lines go.</param>
    /// <param name="ct">Cancels the run (Ctrl+C); in-flight requests are abandoned, not counted as errors.</param>
    public static async Task<RunOutcome> RunAsync(
        string label, int clients, StopCondition stop, Func<Worker, long, CancellationToken, Task<RequestResult>> send,
        TextWriter log, CancellationToken ct)
    {
        var workers = Enumerable.Range(0, clients).Select(_ => new Worker()).ToArray();
        long issued = -1;
        var started = Stopwatch.GetTimestamp();
        var deadline = stop.Duration is { } duration ? started + (long)(duration.TotalSeconds * Stopwatch.Frequency) : long.MaxValue;

        var run = Task.WhenAll(workers.Select(worker => Task.Run(() => LoopAsync(worker), ct)));
        using (var ticker = new PeriodicTimer(ProgressInterval))
        {
            // The tick needs no token: Ctrl+C ends the run, and disposing the timer ends the last wait.
            while (await Task.WhenAny(run, ticker.WaitForNextTickAsync(CancellationToken.None).AsTask()) != run)
            {
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {label}: {workers.Sum(w => w.Completed)} requests, {workers.Sum(w => w.Errors)} errors, {Stopwatch.GetElapsedTime(started).TotalSeconds:0} s"));
            }
        }

        await run;
        return RunOutcome.Merge(workers, Stopwatch.GetElapsedTime(started));

        async Task LoopAsync(Worker worker)
        {
            while (Stopwatch.GetTimestamp() < deadline)
            {
                ct.ThrowIfCancellationRequested();
                var sequence = Interlocked.Increment(ref issued);
                if (sequence >= stop.Count)
                {
                    return;
                }

                var begin = Stopwatch.GetTimestamp();
                RequestResult result;
                try
                {
                    result = await send(worker, sequence, ct);
                }
                catch (Exception exception) when (IsRequestFailure(exception, ct))
                {
                    result = RequestResult.Failed($"{exception.GetType().Name}: {exception.Message}");
                }

                worker.Record(result, Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
            }
        }
    }

    /// <summary>Failures of the request itself (refused, reset, timed out), as opposed to bugs or Ctrl+C.</summary>
    private static bool IsRequestFailure(Exception exception, CancellationToken ct) =>
        exception is HttpRequestException or IOException || (exception is OperationCanceledException && !ct.IsCancellationRequested);
}
