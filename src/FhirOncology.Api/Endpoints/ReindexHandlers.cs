using FhirOncology.Api.Formatting;
using FhirOncology.Api.Indexing;
using FhirOncology.Core.Indexing;
using FhirOncology.Core.Security;
using Hl7.Fhir.Model;

namespace FhirOncology.Api.Endpoints;

/// <summary>
/// <c>[base]/$reindex</c>: GET reports the reindex job's progress; POST starts a full reindex (202) unless one is
/// running (409). The result is a Parameters resource: status, processed, total, and the definition hashes.
/// </summary>
internal static class ReindexHandlers
{
    internal static async Task<IResult> StatusAsync(ReindexService reindex, ReindexRunner runner, AccessPolicy policy, CancellationToken ct)
    {
        policy.RequireAdministrator(); // server administration, not clinical data (issue #5)
        return FhirResult.Resource(StatusCodes.Status200OK, await StatusParametersAsync(reindex, runner, ct));
    }

    internal static async Task<IResult> StartAsync(ReindexService reindex, ReindexRunner runner, AccessPolicy policy, CancellationToken ct)
    {
        policy.RequireAdministrator();
        var started = runner.TryStart(force: true);
        return FhirResult.Resource(started ? StatusCodes.Status202Accepted : StatusCodes.Status409Conflict, await StatusParametersAsync(reindex, runner, ct));
    }

    private static async Task<Parameters> StatusParametersAsync(ReindexService reindex, ReindexRunner runner, CancellationToken ct)
    {
        var state = await reindex.StatusAsync(ct);
        var status = runner.IsRunning ? "running"
            : state is { CompletedAt: not null } && state.DefinitionsHash == reindex.TargetHash ? "current"
            : "pending";
        var parameters = new Parameters();
        parameters.Add("status", new Code(status));
        parameters.Add("targetDefinitions", new FhirString(reindex.TargetHash));
        if (state is not null)
        {
            parameters.Add("indexedDefinitions", new FhirString(state.DefinitionsHash));
            parameters.Add("processed", new FhirDecimal(state.Processed));
            parameters.Add("total", new FhirDecimal(state.Total));
            parameters.Add("startedAt", new Instant(state.StartedAt));
            if (state.CompletedAt is { } completed)
            {
                parameters.Add("completedAt", new Instant(completed));
            }
        }

        return parameters;
    }
}
