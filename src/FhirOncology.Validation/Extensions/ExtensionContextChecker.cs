using System.Text.Json;
using FhirOncology.Validation.Profiles;
using FhirOncology.Validation.Structure;
using Hl7.Fhir.Model;

namespace FhirOncology.Validation.Extensions;

/// <summary>
/// Checks that an extension is used where its definition allows (defining-extensions.html#context). An
/// <c>element</c> context matches the host element's path or type (<c>Observation.component</c>,
/// <c>CodeableConcept</c>, <c>Element</c>, <c>Resource</c>); an <c>extension</c> context matches when the host is
/// an extension; a <c>fhirpath</c> context when the host element is among the nodes its expression selects
/// (<see cref="FhirPathContext"/>). When only contexts that could not be evaluated remain, the use is not judged: an
/// informational issue, never a false error. Where the extension is allowed, its context invariants must hold.
/// </summary>
internal sealed class ExtensionContextChecker(ProfileRegistry profiles)
{
    /// <param name="hostPath">The host element's path when it is not the extension element's parent path (the
    /// primitive behind a <c>_name</c> companion); null to derive it from the extension element.</param>
    public void Check(
        ValidationSession session, StructureProfile definition, ElementNode element, string hostType, string? hostPath, InstancePath path,
        ResourceScope scope, JsonElement extension)
    {
        if (definition.Contexts.Count == 0 && definition.ContextInvariants.Count == 0)
        {
            return;
        }

        // The element holding the extension (a primitive's value, or its _name companion when it has none), found only
        // when a fhirpath rule needs it; undefined (then judged on the POCO) when the path leaves the resource.
        var host = definition.Contexts.Exists(c => c.Type == "fhirpath") || definition.ContextInvariants.Count > 0
            ? JsonLocator.Find(scope, path.Parent!)
            : default;

        var dot = element.Path.LastIndexOf('.');
        hostPath ??= dot < 0 ? element.Path : element.Path[..dot];
        if (definition.Contexts.Count > 0 && !IsAllowedHere(session, definition, element, hostType, hostPath, path, host, scope))
        {
            return;
        }

        // StructureDefinition.contextInvariant: every rule must hold on the element holding the extension.
        foreach (var invariant in definition.ContextInvariants)
        {
            switch (FhirPathContext.Holds(session, invariant, scope, host, hostType, path.Parent!, extension, path))
            {
                case false:
                    session.Error(path, OperationOutcome.IssueType.Invariant,
                        $"Extension {definition.Url} is used on {hostPath} where its context invariant {invariant.Expression} does not hold "
                        + "(StructureDefinition.contextInvariant).", element);
                    break;
                case null:
                    session.Information(path, OperationOutcome.IssueType.NotSupported,
                        $"Extension {definition.Url}: its context invariant {invariant.Expression} could not be evaluated here.", element);
                    break;
            }
        }
    }

    /// <summary>Reports the extension when no context allows it here; true when one does.</summary>
    private bool IsAllowedHere(
        ValidationSession session, StructureProfile definition, ElementNode element, string hostType, string hostPath, InstancePath path,
        JsonElement host, ResourceScope scope)
    {
        List<ExtensionContext>? unevaluated = null;
        foreach (var context in definition.Contexts)
        {
            if (context.Type == "fhirpath")
            {
                switch (FhirPathContext.Matches(session, context, scope, host, path.Parent!))
                {
                    case true:
                        return true;
                    case null:
                        (unevaluated ??= []).Add(context);
                        break;
                }
            }
            else if (Allows(context, hostPath, hostType))
            {
                return true;
            }
        }

        if (unevaluated is not null)
        {
            session.Information(path, OperationOutcome.IssueType.NotSupported,
                $"Extension {definition.Url}: its context {string.Join(", ", unevaluated.Select(Show))} could not be evaluated here, "
                + $"so its use on {hostPath} was not checked (defining-extensions.html#context).", element);
            return false;
        }

        session.Error(path, OperationOutcome.IssueType.Structure,
            $"Extension {definition.Url} is not allowed on {hostPath}; it may be used on {string.Join(", ", definition.Contexts.Select(Show))} "
            + "(defining-extensions.html#context).", element);
        return false;
    }

    private static string Show(ExtensionContext context) => context.Type == "fhirpath" ? $"fhirpath {context.Expression}" : context.Expression;

    private bool Allows(ExtensionContext context, string hostPath, string hostType)
    {
        var expression = context.Expression;
        if (context.Type == "extension")
        {
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
