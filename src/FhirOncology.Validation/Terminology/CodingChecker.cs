using System.Text.Json;
using FhirOncology.Validation.Profiles;
using FhirOncology.Validation.Structure;
using Hl7.Fhir.Model;

namespace FhirOncology.Validation.Terminology;

/// <summary>
/// Checks a Coding against its code system when we hold that code system's content (terminologies.html#4.1, as the
/// HL7 validator does, whether or not the element is bound): a code a complete code system does not define is an
/// error; a display that is neither the concept's display nor one of its designations is a warning (wrong display);
/// a <c>version</c> other than the one we hold is a warning, and the code is then not judged against our version.
/// Code systems we do not hold, or hold only a fragment or example of, are never grounds for an error.
/// </summary>
internal sealed class CodingChecker(ValueSetExpander expander)
{
    public void Check(ValidationSession session, ElementNode element, JsonElement coding, InstancePath path)
    {
        if (!coding.TryGetProperty("system"u8, out var systemElement) || systemElement.ValueKind != JsonValueKind.String
            || expander.GetCodeSystem(systemElement) is not { Content: "complete" or "fragment" or "example" } codeSystem
            || Text(coding, "code") is not { } code)
        {
            return;
        }

        var system = codeSystem.Url;

        if (Text(coding, "version") is { } version && codeSystem.Version is { } held && version != held)
        {
            session.Warning(path, OperationOutcome.IssueType.NotSupported,
                $"Version {version} of code system {system} is not known here (version {held} is), so {code} was not checked against it.", element);
            return;
        }

        if (codeSystem.Find(code) is not { } concept)
        {
            if (codeSystem.IsComplete)
            {
                session.Error(path, OperationOutcome.IssueType.CodeInvalid,
                    $"Unknown code '{code}' in code system {system}{Of(codeSystem)}: it defines no such code (terminologies.html).", element);
            }
            else
            {
                session.Information(path, OperationOutcome.IssueType.NotSupported,
                    $"'{code}' is not in the {codeSystem.Content} of {system} held here, so it was not checked.", element);
            }

            return;
        }

        if (Text(coding, "display") is { } display && !concept.AcceptsDisplay(display))
        {
            session.Warning(path, OperationOutcome.IssueType.Value,
                $"Wrong display '{display}' for {system}#{code}: the code system's display is '{concept.Display}'"
                + (concept.Designations.Count > 0 ? $" (or one of its designations: {string.Join(", ", concept.Designations.Select(d => $"'{d}'"))})" : "")
                + ".", element);
        }
    }

    private static string Of(CodeSystemContent codeSystem) => codeSystem.Version is null ? "" : $" (version {codeSystem.Version})";

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
