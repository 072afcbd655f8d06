namespace FhirOncology.Benchmarks.Generation;

/// <summary>
/// One tenth of the planned patients, in the order their Bundles completed: comparing the first step with the last
/// shows how ingest into a database of a million resources compares with ingest into an empty one.
/// </summary>
/// <param name="Step">1 to 10.</param>
/// <param name="FirstBundle">1-based completion number of the step's first Bundle.</param>
/// <param name="LastBundle">Completion number of its last Bundle.</param>
/// <param name="Seconds">From the previous step's last completion (or the start) to this step's last.</param>
/// <param name="Complete">False for the step a stopped load ended in.</param>
internal sealed record IngestStep(
    int Step, int FirstBundle, int LastBundle, long Resources, double Seconds, double ResourcesPerSecond, double BundlesPerSecond,
    double P50Ms, double P95Ms, bool Complete);
