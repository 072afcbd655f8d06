using System.Text.Json;
using System.Text.RegularExpressions;
using FhirOncology.Validation.Profiles;
using Hl7.Fhir.Model;

namespace FhirOncology.Validation.Structure;

/// <summary>
/// Rules on a primitive's text: <c>maxLength</c> (elementdefinition.html#maxLength, in characters — Unicode code
/// points, so a character outside the BMP counts once) and the regex extension
/// (<c>http://hl7.org/fhir/StructureDefinition/regex</c>), which the value's string form must match entirely.
/// </summary>
internal static class StringRules
{
    public static void Check(ValidationSession session, ElementNode element, JsonElement value, InstancePath path)
    {
        if (element.MaxLength is null && element.Regexes.Count == 0)
        {
            return;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        if (element.MaxLength is { } maxLength && value.ValueKind == JsonValueKind.String)
        {
            var length = CodePoints(text);
            if (length > maxLength)
            {
                session.Error(path, OperationOutcome.IssueType.TooLong,
                    $"The value has {length} characters, more than the maximum of {maxLength} (maxLength).", element);
            }
        }

        foreach (var pattern in element.Regexes)
        {
            if (RegexCache.Get(pattern) is not { } regex)
            {
                session.Warning(path, OperationOutcome.IssueType.NotSupported,
                    $"The regex {pattern} of this element cannot be compiled here, so the value was not checked against it.", element);
                continue;
            }

            bool matches;
            try
            {
                matches = regex.IsMatch(text);
            }
            catch (RegexMatchTimeoutException)
            {
                session.Information(path, OperationOutcome.IssueType.TooCostly,
                    $"Matching the value against the regex {pattern} took too long, so it was not checked.", element);
                continue;
            }

            if (!matches)
            {
                session.Error(path, OperationOutcome.IssueType.Value,
                    $"'{Shorten(text)}' does not match the regex {pattern} this element requires (regex extension).", element);
            }
        }
    }

    private static int CodePoints(string text)
    {
        var count = text.Length;
        foreach (var c in text)
        {
            if (char.IsLowSurrogate(c))
            {
                count--;
            }
        }

        return count;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
