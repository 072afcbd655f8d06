using System.Collections.Concurrent;

namespace FhirOncology.Benchmarks.Load;

/// <summary>Logical ids of created resources, added to concurrently by the clients that created them.</summary>
internal sealed class IdPool
{
    private readonly ConcurrentQueue<string> _ids = new();

    public int Count => _ids.Count;

    public void Add(string id) => _ids.Enqueue(id);

    /// <summary>The ids so far, as an array that reads can index at random without locking.</summary>
    public string[] Snapshot() => _ids.ToArray();
}
