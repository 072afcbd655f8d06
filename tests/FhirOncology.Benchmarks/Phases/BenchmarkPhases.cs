using System.Globalization;
using FhirOncology.Benchmarks.Http;
using FhirOncology.Benchmarks.Load;
using FhirOncology.Benchmarks.Options;
using FhirOncology.Benchmarks.Reporting;

namespace FhirOncology.Benchmarks.Phases;

/// <summary>
/// The three phases, in order: preload (fills the database so reads and writes hit a realistically sized store),
/// create, read. Every Observation created in any phase becomes a candidate for the read phase.
/// </summary>
internal sealed class BenchmarkPhases(FhirApi api, BenchmarkOptions options, TextWriter log)
{
    private const int ObservationsPerPatient = 20;

    private readonly IdPool _patients = new();
    private readonly IdPool _observations = new();

    public int ObservationCount => _observations.Count;

    /// <summary>Patients first, then Observations referring to them; null when <c>--preload 0</c>.</summary>
    public async Task<PhaseResult?> PreloadAsync(CancellationToken ct)
    {
        if (options.Preload == 0)
        {
            log.WriteLine("running preload: skipped (--preload 0)");
            return null;
        }

        // One Patient per 20 Observations, rounded up so even a tiny preload has a Patient to refer to.
        var patientCount = (options.Preload + ObservationsPerPatient) / (ObservationsPerPatient + 1);
        var observationCount = options.Preload - patientCount;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"running preload: {patientCount} Patients, then {observationCount} Observations, {options.PreloadClients} clients, Prefer: return=minimal"));

        var patients = await LoadRunner.RunAsync("preload Patient", options.PreloadClients, StopCondition.After(patientCount),
            (worker, sequence, token) => api.CreatePatientAsync(worker, sequence, minimal: true, _patients, token), log, ct);
        var patientIds = _patients.Snapshot();
        if (patientIds.Length == 0)
        {
            return Report("preload", options.PreloadClients, patients);
        }

        var observations = await LoadRunner.RunAsync("preload Observation", options.PreloadClients, StopCondition.After(observationCount),
            (worker, sequence, token) => api.CreateObservationAsync(
                worker, sequence, patientIds[sequence / ObservationsPerPatient % patientIds.Length], minimal: true, _observations, token),
            log, ct);
        return Report("preload", options.PreloadClients, RunOutcome.Sequence(patients, observations));
    }

    /// <summary>
    /// Makes sure there is a Patient for the create phase's Observations to refer to (there is none after
    /// <c>--preload 0</c>); its request is not measured. Returns why not, or null.
    /// </summary>
    public async Task<string?> EnsurePatientAsync(CancellationToken ct)
    {
        if (_patients.Count > 0)
        {
            return null;
        }

        var result = await api.CreatePatientAsync(new Worker(), 0, minimal: true, _patients, ct);
        return result.Error;
    }

    /// <summary>POST Observation with the default Prefer (return=representation), as a typical client sends it.</summary>
    public async Task<PhaseResult> CreateAsync(CancellationToken ct)
    {
        var patientIds = _patients.Snapshot();
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"running create: {Describe(options.CreateSeconds, options.CreateCount)}, {options.CreateClients} clients, default Prefer"));
        // Sequence numbers continue after the preload's so the created values and dates keep varying.
        var offset = options.Preload;
        var run = await LoadRunner.RunAsync("create", options.CreateClients, StopCondition.From(options.CreateSeconds, options.CreateCount),
            (worker, sequence, token) => api.CreateObservationAsync(
                worker, offset + sequence, patientIds[Random.Shared.Next(patientIds.Length)], minimal: false, _observations, token),
            log, ct);
        return Report("create", options.CreateClients, run);
    }

    /// <summary>GET Observation/{id} for ids drawn uniformly from every Observation created so far.</summary>
    public async Task<PhaseResult> ReadAsync(CancellationToken ct)
    {
        var ids = _observations.Snapshot();
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"running read: {Describe(options.ReadSeconds, options.ReadCount)}, {options.ReadClients} clients, random ids from {ids.Length} Observations"));
        var run = await LoadRunner.RunAsync("read", options.ReadClients, StopCondition.From(options.ReadSeconds, options.ReadCount),
            (worker, _, token) => api.ReadAsync(worker, "Observation", ids[Random.Shared.Next(ids.Length)], token), log, ct);
        return Report("read", options.ReadClients, run);
    }

    private PhaseResult Report(string name, int clients, RunOutcome run)
    {
        var result = PhaseResult.From(name, clients, run);
        // Indented: only the final summary block starts lines with "name:", so scripts can grep for it.
        log.WriteLine("  " + result.SummaryLine());
        if (result.FirstError is { } error)
        {
            log.WriteLine($"  first error: {error}");
        }

        return result;
    }

    private static string Describe(int seconds, int count) =>
        count > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{count} requests")
            : string.Create(CultureInfo.InvariantCulture, $"{seconds} s");
}
