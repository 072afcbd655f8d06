using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;

namespace FhirOncology.Benchmarks.Reporting;

/// <summary>Where the numbers were measured; results from different machines are not comparable without this.</summary>
internal sealed record MachineFacts(
    int ProcessorCount, string OperatingSystem, string Architecture, string Runtime, bool ServerGc, string Date)
{
    public static MachineFacts Capture() => new(
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.OSArchitecture.ToString(),
        RuntimeInformation.FrameworkDescription,
        GCSettings.IsServerGC,
        DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

    public void Print(TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"processors: {ProcessorCount}"));
        output.WriteLine($"os:         {OperatingSystem} ({Architecture})");
        output.WriteLine($"runtime:    {Runtime}{(ServerGc ? ", server GC" : ", workstation GC")}");
        output.WriteLine($"date:       {Date}");
    }
}
