using System.Diagnostics;
using System.Globalization;
using FhirOncology.Benchmarks.Modes;

namespace FhirOncology.Benchmarks.Generation;

/// <summary>
/// Sends fixed-shape 40-entry referral Bundles one after the other: the latency an EHR sees when it refers one new
/// patient. Each probe is a new patient (its identifiers carry the time of the run), so it always creates 40 resources
/// rather than matching an earlier run's; reruns therefore add 40 resources per probe to the database.
/// </summary>
internal static class ReferralProbe
{
    /// <summary>
    /// Unmeasured Bundles sent first: on a freshly started server the first transactions pay for JIT compilation and
    /// cold caches, which would otherwise be counted as the cost of an empty database.
    /// </summary>
    public const int Warmup = 3;

    public static async Task<ProbeResult> RunAsync(
        string label, int count, int seed, CareTeam team, TransactionSender sender, TextWriter log, CancellationToken ct)
    {
        using var builder = new PatientBundleBuilder(team);
        var stamp = DateTimeOffset.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var latencies = new List<double>(count);
        var errors = 0;
        string? firstError = null;
        for (var i = -Warmup; i < count; i++)
        {
            var key = i < 0
                ? string.Create(CultureInfo.InvariantCulture, $"probe-{stamp}-{label}-warmup{-i}")
                : string.Create(CultureInfo.InvariantCulture, $"probe-{stamp}-{label}-{i + 1:D2}");
            var body = builder.Build(key, new Random(unchecked(seed * 7919 + i + Warmup)), PatientPlan.Referral40, out _);
            var begin = Stopwatch.GetTimestamp();
            TransactionOutcome outcome;
            try
            {
                outcome = await sender.PostAsync(body, ct);
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException
                || (exception is OperationCanceledException && !ct.IsCancellationRequested))
            {
                outcome = TransactionOutcome.Failed($"{exception.GetType().Name}: {exception.Message}");
            }

            var elapsedMs = Stopwatch.GetElapsedTime(begin).TotalMilliseconds;
            if (outcome.Succeeded && outcome.Created == builder.Entries)
            {
                if (i >= 0)
                {
                    latencies.Add(elapsedMs);
                }

                continue;
            }

            errors++;
            firstError ??= outcome.Error ?? string.Create(CultureInfo.InvariantCulture,
                $"{key}: {outcome.Created} of {builder.Entries} entries created; the rest matched existing resources.");
        }

        var result = new ProbeResult("probe-" + label, count, PatientPlan.Referral40.Entries, errors, firstError, LatencyStats.From(latencies));
        log.WriteLine("  " + result.SummaryLine());
        return result;
    }
}
