using System.Text.RegularExpressions;
using FhirOncology.Validation.Profiles;
using FhirOncology.Validation.Structure;
using Hl7.Fhir.Model;

namespace FhirOncology.Validation.References;

/// <summary>
/// Conditional references (http.html#trules): <c>Patient?identifier=http://hospital|123</c> "in a transaction (and only
/// in a transaction)" stands for the single resource the search finds when the transaction is processed. Inside a
/// transaction Bundle it is accepted as resolved at that time (its type is still checked); anywhere else it names no
/// resource and is an error.
/// </summary>
internal static partial class ConditionalReference
{
    /// <summary>The resource type searched, when the reference is conditional (<c>Type?query</c>); else null.</summary>
    public static string? TypeOf(string reference)
    {
        var match = Pattern().Match(reference);
        return match.Success ? match.Groups["type"].Value : null;
    }

    public static void Check(ValidationSession session, ElementNode element, InstancePath path, string reference, ResourceScope scope)
    {
        if (scope.Bundles().FirstOrDefault() is { IsTransaction: true })
        {
            session.Information(path, OperationOutcome.IssueType.Informational,
                $"Conditional reference {reference} is resolved when the transaction is processed (http.html#trules); its target is not checked here.", element);
            return;
        }

        session.Error(path, OperationOutcome.IssueType.Invalid,
            $"Conditional reference {reference} is only allowed inside a transaction Bundle (http.html#trules); here it names no resource.", element);
    }

    [GeneratedRegex(@"^(?<type>[A-Z][A-Za-z]+)\?\S+$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
