using FhirOncology.Core.Errors;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Diagnostics;

namespace FhirOncology.Api.Errors;

/// <summary>
/// Turns every exception into an OperationOutcome (STYLE.md §4). FHIR errors keep their status; a rejected HTTP
/// request (e.g. a body over Kestrel's limit) keeps its 4xx; anything else is a 500 whose details stay in the log.
/// Logs carry the exception type and stack, never messages that could quote request content (no PHI).
/// </summary>
internal sealed partial class FhirExceptionHandler(ILogger<FhirExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, outcome) = exception switch
        {
            FhirException fhir => ((int)fhir.Status, fhir.ToOperationOutcome()),
            BadHttpRequestException bad => (bad.StatusCode, Outcome(OperationOutcome.IssueType.Invalid, "The HTTP request was rejected: " + bad.Message)),
            _ => (StatusCodes.Status500InternalServerError,
                Outcome(OperationOutcome.IssueType.Exception, "The server failed to process the request; the failure has been logged.")),
        };

        if (status >= 500)
        {
            LogUnexpected(exception.GetType().FullName ?? "Exception", httpContext.TraceIdentifier, exception.StackTrace ?? "");
        }

        if (status == StatusCodes.Status403Forbidden)
        {
            // RFC 6750 §3.1: the token is valid but does not allow the request.
            httpContext.Response.Headers.WWWAuthenticate = "Bearer error=\"insufficient_scope\"";
        }

        await OperationOutcomeWriter.WriteAsync(httpContext, status, outcome);
        return true;
    }

    private static OperationOutcome Outcome(OperationOutcome.IssueType code, string message) =>
        FhirIssue.ToOperationOutcome([new FhirIssue(OperationOutcome.IssueSeverity.Error, code, message)]);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled {ExceptionType} in request {TraceId} at {StackTrace}")]
    private partial void LogUnexpected(string exceptionType, string traceId, string stackTrace);
}
