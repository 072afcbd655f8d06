using System.Diagnostics;
using System.Globalization;
using FhirOncology.Benchmarks.SearchBench;

namespace FhirOncology.Benchmarks.Generation;

/// <summary>
/// Sends one transaction Bundle per patient from closed-loop clients until every patient is loaded, the time limit
/// passes, too many Bundles fail, or the run is interrupted. On the time limit and on errors, Bundles already sent are
/// finished and counted; on interruption they are abandoned.
/// </summary>
internal static class PopulationLoader
{
    /// <summary>More failures than this means the server or the data is broken; sending on would only repeat it.</summary>
    public const int MaxErrors = 10;

    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(30);

    /// <summary>Identifies patient <paramref name="number"/> (0-based) of a seed in every identifier of its Bundle.</summary>
    public static string PatientKey(int seed, int number) => string.Create(CultureInfo.InvariantCulture, $"{seed}-{number + 1:D7}");

    /// <summary>Each patient's content comes from its own Random, so it does not depend on the client that builds it.</summary>
    public static Random PatientRandom(int seed, int number) => new(unchecked(seed * 1_000_003 + number));

    /// <param name="samples">Filled, at the patient's number, for every patient loaded.</param>
    public static async Task<IngestSummary> RunAsync(
        GenerateOptions options, CareTeam team, TransactionSender sender, ReferralSample?[] samples, TextWriter log, CancellationToken interrupted)
    {
        var recorder = new IngestRecorder(options.Patients, log);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(interrupted);
        if (options.MaxMinutes > 0)
        {
            stop.CancelAfter(TimeSpan.FromMinutes(options.MaxMinutes));
        }

        var next = -1;
        var clients = Task.WhenAll(Enumerable.Range(0, options.Clients).Select(_ => Task.Run(ClientAsync, CancellationToken.None)));
        using (var ticker = new PeriodicTimer(ProgressInterval))
        {
            // The tick needs no token: disposing the timer ends the last wait.
            while (await Task.WhenAny(clients, ticker.WaitForNextTickAsync(CancellationToken.None).AsTask()) != clients)
            {
                log.WriteLine(recorder.Progress());
            }
        }

        await clients;
        log.WriteLine(recorder.Progress());
        var reason = interrupted.IsCancellationRequested ? "interrupted"
            : recorder.Errors >= MaxErrors ? "too many errors"
            : recorder.Completed + recorder.Errors < options.Patients ? "time limit"
            : "complete";
        return recorder.Summarize(reason);

        async Task ClientAsync()
        {
            using var builder = new PatientBundleBuilder(team);
            while (!stop.IsCancellationRequested)
            {
                var number = Interlocked.Increment(ref next);
                if (number >= options.Patients)
                {
                    return;
                }

                var random = PatientRandom(options.Seed, number);
                var body = builder.Build(PatientKey(options.Seed, number), random, PatientPlan.Draw(random), out var patient);
                var begin = Stopwatch.GetTimestamp();
                TransactionOutcome outcome;
                try
                {
                    outcome = await sender.PostAsync(body, interrupted);
                }
                catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception exception) when (exception is HttpRequestException or IOException or OperationCanceledException)
                {
                    // OperationCanceledException without an interruption is the client's request timeout.
                    outcome = TransactionOutcome.Failed($"{exception.GetType().Name}: {exception.Message}");
                }

                var elapsedMs = Stopwatch.GetElapsedTime(begin).TotalMilliseconds;
                if (outcome.Succeeded)
                {
                    samples[number] = new ReferralSample(
                        outcome.Ids[0], patient.Identifier, patient.Referral, patient.RequesterId, patient.AuthoredOn, patient.LabCode);
                    recorder.Succeeded(builder.Entries, outcome.Created, elapsedMs);
                }
                else
                {
                    recorder.Failed(string.Create(CultureInfo.InvariantCulture, $"patient {number + 1}: {outcome.Error}"));
                    if (recorder.Errors >= MaxErrors)
                    {
                        await stop.CancelAsync();
                    }
                }
            }
        }
    }
}
