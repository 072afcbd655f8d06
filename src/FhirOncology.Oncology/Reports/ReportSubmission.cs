using FhirOncology.Core.Errors;
using FhirOncology.Core.Operations;
using Hl7.Fhir.Model;

namespace FhirOncology.Oncology.Reports;

/// <summary>
/// The input of <c>$submit-report</c> (operations.html#request): the document Bundle as the body, or a Parameters
/// body with <c>report</c> (the document), any number of <c>outcome</c> (Coding or CodeableConcept) and
/// <c>caseBundleVersion</c>; caseBundleVersion may also be a URL parameter.
/// </summary>
public sealed record ReportSubmission(Bundle Document, IReadOnlyList<Coding> Outcomes, string? ReviewedVersion)
{
    public const string VersionParameter = "caseBundleVersion";

    public static ReportSubmission From(OperationRequest request)
    {
        var version = request.Parameter(VersionParameter);
        switch (request.Body)
        {
            case Bundle document:
                return new ReportSubmission(document, [], version);
            case Parameters parameters:
                var reports = parameters.Parameter.Where(p => p.Name == "report").ToList();
                if (reports is not [{ Resource: Bundle report }])
                {
                    throw FhirException.BadRequest("$submit-report takes exactly one 'report' parameter holding the document Bundle.", "Parameters.parameter");
                }

                var outcomes = parameters.Parameter.Where(p => p.Name == "outcome").SelectMany(p => p.Value switch
                {
                    Coding coding => [coding],
                    CodeableConcept concept => concept.Coding,
                    _ => throw FhirException.BadRequest("An 'outcome' parameter is a Coding or a CodeableConcept from the review-outcome code system.", "Parameters.parameter"),
                }).ToList();
                return new ReportSubmission(report, outcomes, version);
            default:
                throw FhirException.BadRequest("$submit-report takes the report document (a Bundle of type document) or a Parameters resource as its body.");
        }
    }
}
