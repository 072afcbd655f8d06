using FhirOncology.Api.Endpoints;
using FhirOncology.Core.Errors;
using Hl7.Fhir.Model;

namespace FhirOncology.Api.Errors;

/// <summary>
/// Gives the bodiless error responses under <c>/fhir</c> (401 from the token check, 404 no route, 405 method not
/// allowed, 429 rate limited) an OperationOutcome, so a FHIR client always gets one.
/// </summary>
internal static class StatusCodeOutcomes
{
    public static IApplicationBuilder UseFhirStatusCodeOutcomes(this IApplicationBuilder app) =>
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            if (!http.Request.Path.StartsWithSegments(FhirBase.Path))
            {
                return;
            }

            var status = http.Response.StatusCode;
            var (code, message) = status switch
            {
                StatusCodes.Status401Unauthorized => (OperationOutcome.IssueType.Login,
                    "A valid access token is required (Authorization: Bearer); see [base]/.well-known/smart-configuration."),
                StatusCodes.Status403Forbidden => (OperationOutcome.IssueType.Forbidden, "The access token does not allow this request."),
                StatusCodes.Status404NotFound => (OperationOutcome.IssueType.NotFound, $"No FHIR interaction at {http.Request.Path}."),
                StatusCodes.Status405MethodNotAllowed => (OperationOutcome.IssueType.NotSupported,
                    $"{http.Request.Method} is not supported on {http.Request.Path}; see [base]/metadata for what is."),
                _ => (OperationOutcome.IssueType.Processing, $"The request failed with HTTP {status}."),
            };
            await OperationOutcomeWriter.WriteAsync(http, status,
                FhirIssue.ToOperationOutcome([new FhirIssue(OperationOutcome.IssueSeverity.Error, code, message)]));
        });
}
