using System.Net;
using FhirOncology.Core.Errors;
using FhirOncology.Core.Security;
using Hl7.Fhir.Model;

namespace FhirOncology.Oncology.Reports;

/// <summary>
/// What <c>$submit-report</c> checks of a document beyond the second-opinion-document profile (which the server's
/// validator applies when the document is stored), and what it takes from it.
/// </summary>
public static class ReportDocumentRules
{
    /// <summary>bundle.html#document: a document Bundle whose first entry is the Composition (bdl-11).</summary>
    public static Composition Report(Bundle document)
    {
        if (document.Type != Bundle.BundleType.Document || document.Entry.FirstOrDefault()?.Resource is not Composition composition)
        {
            throw Invalid("The report must be a document Bundle (Bundle.type 'document') whose first entry is the report Composition (bundle.html#document, bdl-11).", "Bundle");
        }

        return composition;
    }

    /// <summary>
    /// The report is about the Task's patient: Composition.subject names <c>Patient/{id}</c> on this server, relative
    /// or under the base, so the stored document joins that patient's case (and only that one).
    /// </summary>
    public static void EnsureSubject(Composition report, string patientId, string baseUrl)
    {
        var reference = report.Subject?.Reference;
        var onThisServer = reference is not null && (!reference.Contains("://", StringComparison.Ordinal) || reference.StartsWith(baseUrl + "/", StringComparison.Ordinal));
        if (!onThisServer || LocalReference.TryParse(reference) is not { Type: "Patient" } subject || subject.Id != patientId)
        {
            throw Invalid($"Composition.subject must reference the Task's patient as Patient/{patientId} (relative or under {baseUrl}), " +
                "with that Patient's entry in the document (documents.html#content).", "Bundle.entry[0].resource.subject");
        }
    }

    /// <summary>
    /// The outcome codes a report states in its outcome section: the review-outcome codings of the values of the
    /// Observations that section's entries point to (resolved inside the document, bundle.html#references).
    /// </summary>
    public static IReadOnlyList<Coding> Outcomes(Bundle document, Composition report)
    {
        var section = report.Section.FirstOrDefault(s => s.Code?.Coding.Any(c => c.System == SecondOpinion.ReportSectionSystem && c.Code == SecondOpinion.OutcomeSection) == true);
        return section is null
            ? []
            : [.. section.Entry
                .Select(entry => Resolve(document, entry.Reference))
                .OfType<Observation>()
                .SelectMany(observation => (observation.Value as CodeableConcept)?.Coding ?? [])
                .Where(coding => coding.System == SecondOpinion.OutcomeSystem)];
    }

    /// <summary>An entry of the document by its fullUrl, or for a relative reference by a fullUrl ending in it.</summary>
    public static Resource? Resolve(Bundle document, string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        return document.Entry.FirstOrDefault(e => e.FullUrl == reference)?.Resource
            ?? (reference.Contains(':', StringComparison.Ordinal) ? null
                : document.Entry.FirstOrDefault(e => e.FullUrl?.EndsWith("/" + reference, StringComparison.Ordinal) == true)?.Resource);
    }

    public static FhirException Invalid(string message, string expression) =>
        new(HttpStatusCode.UnprocessableEntity, OperationOutcome.IssueType.Invariant, message, expression);
}
