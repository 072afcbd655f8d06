using FhirOncology.Core.Serialization;
using FhirOncology.Core.Storage;
using Microsoft.Extensions.Logging;

namespace FhirOncology.Core.Indexing;

/// <summary>
/// Brings the search index up to date when the set of SearchParameters changes (a new definition in
/// conformance/, a changed expression): every current resource is indexed again, in surrogate order, in batches
/// whose progress is saved, so a restart resumes where it stopped. Writes meanwhile index with the new definitions.
/// </summary>
public sealed partial class ReindexService(
    IReindexStore store, SearchParameterCatalog catalog, SearchIndexer indexer, FhirSerializer serializer, TimeProvider clock,
    ILogger<ReindexService> logger)
{
    private const int BatchSize = 200;

    public Task<ReindexState?> StatusAsync(CancellationToken ct) => store.ReadStateAsync(ct);

    public string TargetHash => catalog.DefinitionsHash;

    /// <summary>Runs to completion, resuming a started run for the same definitions unless <paramref name="force"/>.</summary>
    public async Task<ReindexState> RunAsync(bool force, CancellationToken ct)
    {
        var state = await store.ReadStateAsync(ct);
        if (!force && state is { CompletedAt: not null } && state.DefinitionsHash == catalog.DefinitionsHash)
        {
            return state;
        }

        if (force || state is null || state.DefinitionsHash != catalog.DefinitionsHash || state.CompletedAt is not null)
        {
            state = new ReindexState(catalog.DefinitionsHash, 0, 0, await store.CountCurrentAsync(ct), clock.GetUtcNow(), null);
            await store.SaveStateAsync(state, ct);
            LogStarted(state.Total, state.DefinitionsHash[..12]);
        }

        while (true)
        {
            var batch = await store.ReadCurrentAsync(state.LastSurrogateId, BatchSize, ct);
            if (batch.Count == 0)
            {
                break;
            }

            var entries = batch.Select(r => (r.SurrogateId, r.Version.Key.Type, indexer.Index(serializer.Parse(r.Version.Json.Span, FhirFormat.Json)))).ToList();
            await store.ReplaceIndexAsync(entries, ct);
            state = state with { LastSurrogateId = batch[^1].SurrogateId, Processed = state.Processed + batch.Count };
            await store.SaveStateAsync(state, ct);
            LogProgress(state.Processed, state.Total);
        }

        state = state with { CompletedAt = clock.GetUtcNow() };
        await store.SaveStateAsync(state, ct);
        LogCompleted(state.Processed);
        return state;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reindex started: {Total} current resources, definitions {Hash}")]
    private partial void LogStarted(long total, string hash);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reindex progress: {Processed} of about {Total}")]
    private partial void LogProgress(long processed, long total);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reindex completed: {Processed} resources")]
    private partial void LogCompleted(long processed);
}
