using FhirOncology.Validation.Profiles;
using FhirOncology.Validation.Structure;
using Hl7.Fhir.Model;

namespace FhirOncology.Validation.Extensions;

/// <summary>
/// Checks that an extension is used where its definition allows (defining-extensions.html#context). An
/// <c>element</c> context matches the host element's path or type (<c>Observation.component</c>,
/// <c>CodeableConcept</c>, <c>Element</c>, <c>Resource</c>); an <c>extension</c> context matches when the host is
/// an extension. <c>fhirpath</c> contexts are not evaluated (accepted).
/// </summary>
internal sealed class ExtensionContextChecker(ProfileRegistry profiles)
{
    /// <param name="hostPath">The host element's path when it is not the extension element's parent path (the
    /// primitive behind a <c>_name</c> companion); null to derive it from the extension element.</param>
    public void Check(ValidationSession session, StructureProfile definition, ElementNode element, string hostType, string? hostPath, InstancePath path)
    {
        if (definition.Contexts.Count == 0)
        {
            return;
        }

        var dot = element.Path.LastIndexOf('.');
        hostPath ??= dot < 0 ? element.Path : element.Path[..dot];
        foreach (var context in definition.Contexts)
        {
            if (Allows(context, hostPath, hostType))
            {
                return;
            }
        }

        session.Error(path, OperationOutcome.IssueType.Structure,
            $"Extension {definition.Url} is not allowed on {hostPath}; it may be used on {string.Join(", ", definition.Contexts.Select(c => c.Expression))} "
            + "(defining-extensions.html#context).", element);
    }

    private bool Allows(ExtensionContext context, string hostPath, string hostType)
    {
        var expression = context.Expression;
        switch (context.Type)
        {
            case "fhirpath":
                return true;
            case "extension":
                return hostType == "Extension";
        }

        if (expression is "Element" or "Base" || expression == hostPath || expression == hostType)
        {
            return true;
        }

        var hostIsResource = !hostPath.Contains('.', StringComparison.Ordinal) && profiles.IsResourceType(hostType);
        if (hostIsResource && expression is "Resource" or "DomainResource")
        {
            return true;
        }

        // A context inside a datatype (Dosage.route) matches wherever that datatype is used.
        var firstDot = expression.IndexOf('.', StringComparison.Ordinal);
        return firstDot > 0 && !profiles.IsResourceType(expression[..firstDot])
            && hostPath.EndsWith(expression[firstDot..], StringComparison.Ordinal);
    }
}
