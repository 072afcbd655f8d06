namespace FhirOncology.Benchmarks.SearchBench;

/// <summary>
/// What search-bench draws its query parameters from: written by <c>generate --manifest</c>, or discovered by searching
/// the server. Small (one line per patient), so search-bench can start without paging through the whole database.
/// </summary>
/// <param name="Source">"generate" or "discovered".</param>
/// <param name="Seed">The generator's seed; 0 when discovered.</param>
internal sealed record PopulationManifest(
    string Source, int Seed, IReadOnlyList<string> ReviewerOrganizationIds, IReadOnlyList<string> PractitionerIds,
    IReadOnlyList<ReferralSample> Samples);
