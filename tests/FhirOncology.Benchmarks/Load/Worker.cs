using FhirOncology.Benchmarks.Http;

namespace FhirOncology.Benchmarks.Load;

/// <summary>
/// One simulated client. It sends one request at a time, so its buffers can be reused for every request and its
/// latencies collected without locking; they are merged only when the run is over.
/// </summary>
internal sealed class Worker
{
    private int _completed;
    private int _errors;

    /// <summary>Request bodies are written here; the biggest one is well under 1 KB.</summary>
    public byte[] Body { get; } = new byte[4096];

    /// <summary>Response bodies are read into this and discarded: the benchmark times the whole response, not its content.</summary>
    public byte[] Drain { get; } = new byte[16 * 1024];

    /// <summary>Latencies of the successful requests, in milliseconds.</summary>
    public List<double> LatenciesMs { get; } = new(4096);

    public string? FirstError { get; private set; }

    /// <summary>Requests finished so far, read by the progress line while the worker runs.</summary>
    public int Completed => Volatile.Read(ref _completed);

    public int Errors => Volatile.Read(ref _errors);

    public void Record(RequestResult result, double elapsedMs)
    {
        if (result.Succeeded)
        {
            LatenciesMs.Add(elapsedMs);
        }
        else
        {
            FirstError ??= result.Error;
            Interlocked.Increment(ref _errors);
        }

        Interlocked.Increment(ref _completed);
    }
}
