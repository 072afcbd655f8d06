using System.Diagnostics;
using System.Globalization;
using FhirOncology.Benchmarks.Modes;

namespace FhirOncology.Benchmarks.Generation;

/// <summary>
/// Every completed patient Bundle in completion order (time, latency, entries), so the load can be cut into tenths
/// afterwards; prints a line as each tenth completes. A lock is cheap here: a few completions per second.
/// </summary>
internal sealed class IngestRecorder(int planned, TextWriter log)
{
    private const int Steps = 10;

    private readonly Lock _lock = new();
    private readonly long[] _completedAt = new long[planned];
    private readonly double[] _latencyMs = new double[planned];
    private readonly int[] _entries = new int[planned];
    private readonly long _started = Stopwatch.GetTimestamp();
    private int _completed;
    private long _resources;
    private long _created;
    private int _errors;
    private string? _firstError;

    public int Completed
    {
        get
        {
            lock (_lock)
            {
                return _completed;
            }
        }
    }

    public int Errors
    {
        get
        {
            lock (_lock)
            {
                return _errors;
            }
        }
    }

    public void Succeeded(int entries, int created, double latencyMs)
    {
        lock (_lock)
        {
            var index = _completed++;
            _completedAt[index] = Stopwatch.GetTimestamp();
            _latencyMs[index] = latencyMs;
            _entries[index] = entries;
            _resources += entries;
            _created += created;
            for (var step = 0; step < Steps; step++)
            {
                if (Boundary(step + 1) == _completed && Boundary(step) < _completed)
                {
                    log.WriteLine("  " + Format(Step(step, _completed)));
                }
            }
        }
    }

    public void Failed(string error)
    {
        lock (_lock)
        {
            _errors++;
            _firstError ??= error;
        }
    }

    /// <summary>A progress line: patients so far and the rate since the start.</summary>
    public string Progress()
    {
        lock (_lock)
        {
            var seconds = Stopwatch.GetElapsedTime(_started).TotalSeconds;
            return string.Create(CultureInfo.InvariantCulture,
                $"  ingest: {_completed}/{planned} patients, {_resources} resources, {_errors} errors, {seconds:0} s, {_resources / Math.Max(seconds, 0.001):0} resources/s");
        }
    }

    public IngestSummary Summarize(string stoppedBecause)
    {
        lock (_lock)
        {
            var seconds = _completed == 0 ? Stopwatch.GetElapsedTime(_started).TotalSeconds : Seconds(_started, _completedAt[_completed - 1]);
            var steps = new List<IngestStep>();
            for (var step = 0; step < Steps && Boundary(step) < _completed; step++)
            {
                // Fewer than ten patients leave some tenths empty.
                if (Boundary(step + 1) > Boundary(step))
                {
                    steps.Add(Step(step, Math.Min(_completed, Boundary(step + 1))));
                }
            }

            return new IngestSummary(
                planned, _completed, _resources, _created, _errors, _firstError, Math.Round(seconds, 3),
                Math.Round(_resources / Math.Max(seconds, 0.001), 1), Math.Round(_completed / Math.Max(seconds, 0.001), 2),
                LatencyStats.From(_latencyMs.Take(_completed)), steps, stoppedBecause);
        }
    }

    public static string Format(IngestStep step) => string.Create(CultureInfo.InvariantCulture,
        $"step {step.Step,2}/{Steps}: bundles {step.FirstBundle}-{step.LastBundle} resources={step.Resources} duration={step.Seconds:0.0} s rate={step.ResourcesPerSecond:0.0} resources/s {step.BundlesPerSecond:0.00} bundles/s p50={step.P50Ms:0.00} ms p95={step.P95Ms:0.00} ms{(step.Complete ? "" : " (partial)")}");

    /// <summary>The completions [Boundary(step), Boundary(step + 1)) form a step.</summary>
    private int Boundary(int step) => (int)((long)planned * step / Steps);

    /// <summary>Step <paramref name="step"/> (0-based) up to completion <paramref name="end"/> (exclusive); call under the lock.</summary>
    private IngestStep Step(int step, int end)
    {
        var start = Boundary(step);
        var from = start == 0 ? _started : _completedAt[start - 1];
        var seconds = Seconds(from, _completedAt[end - 1]);
        var resources = _entries.AsSpan(start, end - start).ToArray().Sum(e => (long)e);
        var latency = LatencyStats.From(_latencyMs.AsSpan(start, end - start).ToArray());
        return new IngestStep(
            step + 1, start + 1, end, resources, Math.Round(seconds, 3), Math.Round(resources / Math.Max(seconds, 0.001), 1),
            Math.Round((end - start) / Math.Max(seconds, 0.001), 2), latency.P50Ms, latency.P95Ms, end == Boundary(step + 1));
    }

    private static double Seconds(long from, long to) => (double)(to - from) / Stopwatch.Frequency;
}
