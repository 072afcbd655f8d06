using System.Globalization;
using FhirOncology.Benchmarks.Modes;
using FhirOncology.Benchmarks.Options;
using FhirOncology.Benchmarks.SearchBench;

namespace FhirOncology.Benchmarks.Generation;

/// <summary>
/// The <c>generate</c> mode: Organizations and Practitioners, the 40-entry referral probe on the (nearly) empty
/// database, the population load, the probe again on the loaded database, and the server's resource counts.
/// </summary>
internal static class GenerateCommand
{
    // A ~100-entry Bundle on a busy single-writer database can wait for several others; 30 s would call that an error.
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(120);

    public static async Task<int> RunAsync(string[] args)
    {
        if (!GenerateOptions.TryParse(args, out var options, out var problem))
        {
            return UsageReply.Write(problem, GenerateOptions.Usage);
        }

        using var session = await ModeSession.OpenAsync(options.BaseUrl, options.Clients, RequestTimeout, options.Auth);
        if (session is null)
        {
            return 1;
        }

        var log = Console.Out;
        var ct = session.Interrupted;
        var sender = new TransactionSender(session.Http);
        try
        {
            log.WriteLine("running setup: reviewing and referring Organizations, Practitioners (conditional creates)");
            var team = await CareTeamSetup.CreateAsync(sender, ct);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  reviewers={team.ReviewerIds.Count} referrers={team.ReferrerIds.Count} practitioners={team.PractitionerIds.Count}"));

            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"running probe-start: {options.Probes} referral Bundles of 40 entries, one at a time"));
            var startProbe = await ReferralProbe.RunAsync("start", options.Probes, options.Seed, team, sender, log, ct);

            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"running ingest: {options.Patients} patients, ~{PatientPlan.TargetEntries} resources each, {options.Clients} clients, seed {options.Seed}{(options.MaxMinutes > 0 ? $", at most {options.MaxMinutes} min" : "")}"));
            var samples = new ReferralSample?[options.Patients];
            var ingest = await PopulationLoader.RunAsync(options, team, sender, samples, log, ct);

            ProbeResult? endProbe = null;
            Dictionary<string, long>? counts = null;
            if (!ct.IsCancellationRequested)
            {
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"running probe-end: {options.Probes} referral Bundles of 40 entries, one at a time"));
                endProbe = await ReferralProbe.RunAsync("end", options.Probes, options.Seed, team, sender, log, ct);
                log.WriteLine("counting resources (_summary=count)");
                counts = await ServerCounts.CountAsync(session.Http, ct);
            }

            if (options.Manifest is { } manifestPath)
            {
                var manifest = new PopulationManifest("generate", options.Seed, team.ReviewerIds, team.PractitionerIds, [.. samples.OfType<ReferralSample>()]);
                log.WriteLine($"manifest written to {JsonFile.Write(manifestPath, manifest, ModeJsonContext.Default.PopulationManifest)}");
            }

            var failure = Failure(startProbe, ingest, endProbe);
            var report = new GenerateReport(session.Machine, session.Server, options, team, startProbe, ingest, endProbe, counts, failure is null, failure);
            Print(report, log);
            if (options.Out is { } path)
            {
                log.WriteLine($"results written to {JsonFile.Write(path, report, ModeJsonContext.Default.GenerateReport)}");
            }

            if (ct.IsCancellationRequested)
            {
                Console.Error.WriteLine("Interrupted.");
                return 130;
            }

            if (failure is not null)
            {
                Console.Error.WriteLine($"FAILED: {failure}");
            }

            return failure is null ? 0 : 1;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Console.Error.WriteLine("Interrupted.");
            return 130;
        }
        catch (Exception exception) when (exception is InvalidOperationException or HttpRequestException)
        {
            Console.Error.WriteLine($"FAILED: {exception.Message}");
            return 1;
        }
    }

    private static string? Failure(ProbeResult start, IngestSummary ingest, ProbeResult? end) =>
        start.Errors > 0 ? $"probe-start: {start.Errors} Bundles failed. First: {start.FirstError}"
        : ingest.Errors > 0 ? $"ingest: {ingest.Errors} Bundles failed. First: {ingest.FirstError}"
        : ingest.StoppedBecause != "complete" ? string.Create(CultureInfo.InvariantCulture,
            $"ingest stopped ({ingest.StoppedBecause}) after {ingest.LoadedPatients} of {ingest.PlannedPatients} patients.")
        : end is { Errors: > 0 } ? $"probe-end: {end.Errors} Bundles failed. First: {end.FirstError}"
        : null;

    /// <summary>The summary block: fixed formats, and the only lines that start with these labels.</summary>
    private static void Print(GenerateReport report, TextWriter log)
    {
        var ingest = report.Ingest;
        log.WriteLine();
        log.WriteLine("== summary ==");
        log.WriteLine(report.StartProbe.SummaryLine());
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ingest:       patients={ingest.LoadedPatients}/{ingest.PlannedPatients} resources={ingest.Resources} created={ingest.Created} errors={ingest.Errors} duration={ingest.Seconds:0.0} s rate={ingest.ResourcesPerSecond:0.0} resources/s {ingest.BundlesPerSecond:0.00} bundles/s stopped={ingest.StoppedBecause}"));
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bundle:       entries~{PatientPlan.TargetEntries} {ingest.Latency.Format()}"));
        foreach (var step in ingest.Steps)
        {
            log.WriteLine("ingest-" + IngestRecorder.Format(step));
        }

        if (report.EndProbe is { } end)
        {
            log.WriteLine(end.SummaryLine());
        }

        if (report.Counts is { } counts)
        {
            log.WriteLine("counts:       " + ServerCounts.Format(counts));
        }
    }
}
