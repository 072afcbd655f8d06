using System.Net;
using Hl7.Fhir.Model;

namespace FhirOncology.Core.Errors;

/// <summary>
/// An error with a FHIR meaning: the HTTP status and the OperationOutcome issues it is reported with.
/// One exception handler in the Api turns it into the response (STYLE.md §4).
/// </summary>
public class FhirException : Exception
{
    public FhirException(HttpStatusCode status, OperationOutcome.IssueType code, string message, string? expression = null)
        : base(message)
    {
        Status = status;
        Issues = [new FhirIssue(OperationOutcome.IssueSeverity.Error, code, message, expression)];
    }

    public FhirException(HttpStatusCode status, IReadOnlyList<FhirIssue> issues)
        : base(issues.Count > 0 ? issues[0].Message : "Request failed.")
    {
        Status = status;
        Issues = issues;
    }

    public HttpStatusCode Status { get; }

    public IReadOnlyList<FhirIssue> Issues { get; }

    public OperationOutcome ToOperationOutcome() => FhirIssue.ToOperationOutcome(Issues);

    public static FhirException NotFound(string type, string id) =>
        new(HttpStatusCode.NotFound, OperationOutcome.IssueType.NotFound, $"{type}/{id} is not known.");

    public static FhirException Gone(string type, string id, int deletedVersion) =>
        new(HttpStatusCode.Gone, OperationOutcome.IssueType.Deleted, $"{type}/{id} was deleted (version {deletedVersion}).");

    public static FhirException BadRequest(string message, string? expression = null) =>
        new(HttpStatusCode.BadRequest, OperationOutcome.IssueType.Invalid, message, expression);

    public static FhirException PreconditionFailed(string message) =>
        new(HttpStatusCode.PreconditionFailed, OperationOutcome.IssueType.Conflict, message);

    public static FhirException UnsupportedType(string type) =>
        new(HttpStatusCode.NotFound, OperationOutcome.IssueType.NotSupported, $"Resource type '{type}' is not supported by this server.");
}
