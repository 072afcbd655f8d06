using FhirOncology.Api.Formatting;
using FhirOncology.Core.Errors;
using FhirOncology.Core.Interactions;
using Hl7.Fhir.Model;

namespace FhirOncology.Api.Endpoints;

/// <summary>The HTTP answer to a write (http.html#create, #update, #delete, #patch): status, version headers, Location, Prefer.</summary>
internal static partial class WriteResponses
{
    internal static FhirResult For(HttpContext context, WriteResult result, ILogger logger)
    {
        if (result.Version is { } written)
        {
            LogWrite(logger, written.Key.Type, written.Key.Id, written.VersionId, result.Outcome);
        }

        if (result.Outcome is WriteOutcome.Deleted or WriteOutcome.NothingToDelete)
        {
            return FhirResult.Empty(StatusCodes.Status204NoContent, result.Outcome == WriteOutcome.Deleted ? result.Version : null);
        }

        var version = result.Version!;
        var status = result.Outcome == WriteOutcome.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK;
        var response = PreferHeader.Return(context.Request) switch
        {
            PreferReturn.Minimal => FhirResult.Empty(status, version),
            PreferReturn.OperationOutcome => FhirResult.Resource(status, Outcome(result), version),
            _ => FhirResult.Version(status, version),
        };
        return result.Outcome is WriteOutcome.Created or WriteOutcome.Existing
            ? response.WithLocation($"{FhirBase.Url(context)}/{version.Key.Type}/{version.Key.Id}/_history/{version.VersionId}")
            : response;
    }

    private static OperationOutcome Outcome(WriteResult result)
    {
        var version = result.Version!;
        var verb = result.Outcome switch
        {
            WriteOutcome.Created => "Created",
            WriteOutcome.Existing => "Matched existing",
            _ => "Updated",
        };
        return FhirIssue.ToOperationOutcome([new FhirIssue(OperationOutcome.IssueSeverity.Information, OperationOutcome.IssueType.Informational,
            $"{verb} {version.Key.Type}/{version.Key.Id} version {version.VersionId}.")]);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Write {Type}/{Id} version {Version}: {Outcome}")]
    private static partial void LogWrite(ILogger logger, string type, string id, int version, WriteOutcome outcome);
}
