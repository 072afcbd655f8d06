using FhirOncology.Validation.Profiles;
using FhirOncology.Validation.Structure;
using Hl7.Fhir.Model;

namespace FhirOncology.Validation.Narrative;

/// <summary>
/// The XHTML rules of narrative.html#xhtml (invariants txt-1 and txt-2): a <c>div</c> in the XHTML namespace, only
/// basic formatting elements and attributes, no scripts, event handlers, forms, frames, objects or external active
/// content, no javascript: links, and some non-whitespace content. Read by <see cref="XhtmlScanner"/>, which refuses DTDs.
/// </summary>
internal sealed class NarrativeChecker
{
    public void Check(ValidationSession session, string xhtml, InstancePath path, ElementNode element)
    {
        List<string>? problems;
        bool hasContent;
        try
        {
            (problems, hasContent) = new XhtmlScanner(xhtml).Scan();
        }
        catch (XhtmlSyntaxException exception)
        {
            session.Error(path, OperationOutcome.IssueType.Invalid, $"The narrative is not well-formed XHTML: {exception.Message}", element, "txt-1");
            return;
        }

        foreach (var problem in (problems ?? []).Distinct(StringComparer.Ordinal))
        {
            session.Error(path, OperationOutcome.IssueType.Invariant,
                $"Narrative: {problem} (txt-1, narrative.html#xhtml: only basic HTML formatting, no active content).", element, "txt-1");
        }

        if (!hasContent)
        {
            session.Error(path, OperationOutcome.IssueType.Invariant, "The narrative has no non-whitespace content (txt-2).", element, "txt-2");
        }
    }
}
