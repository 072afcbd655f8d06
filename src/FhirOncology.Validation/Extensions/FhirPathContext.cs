using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using FhirOncology.Validation.Invariants;
using FhirOncology.Validation.Invariants.JsonPath;
using FhirOncology.Validation.Profiles;
using FhirOncology.Validation.Structure;
using Hl7.Fhir.FhirPath;
using Hl7.FhirPath;

namespace FhirOncology.Validation.Extensions;

/// <summary>
/// A <c>fhirpath</c> extension context (defining-extensions.html#context: "the context is all elements that match the
/// FHIRPath query found in the expression"): the expression is evaluated with the resource as focus (and as
/// <c>%resource</c>), as the HL7 validator does, and the extension is allowed when the element holding it is among the
/// results. Evaluated on the JSON when the expression stays within that FHIRPath subset (nodes compared by identity),
/// else by the SDK's engine on the resource's POCO (compiled once, <see cref="SdkFhirPath"/>).
/// </summary>
internal static class FhirPathContext
{
    /// <summary>True or false; null when the expression could not be evaluated here.</summary>
    public static bool? Matches(ValidationSession session, ExtensionContext context, ResourceScope scope, JsonElement host, InstancePath hostPath)
    {
        if (context.OnJson is { } expression && host.ValueKind != JsonValueKind.Undefined)
        {
            var container = scope.Container;
            var focus = FpItem.FromJson(scope.Resource, scope.ResourceType);
            var environment = new FpEnvironment(focus, scope.Resource, scope.ResourceType, container.Resource, container.ResourceType);
            try
            {
                return FpEvaluator.Evaluate(expression, [focus], environment)
                    .Exists(item => item.Kind == FpItemKind.Json && IsSameNode(item.Json, host));
            }
            catch (Exception exception) when (exception is FhirPathSubsetException or InvalidOperationException or FormatException or OverflowException)
            {
                // outside the subset for this instance: the SDK decides
            }
        }

        return OnPoco(session, context, scope, hostPath);
    }

    /// <summary>
    /// A context invariant (StructureDefinition.contextInvariant) on the element holding the extension, with
    /// <c>%extension</c> the extension: true or empty holds, false fails; null when it could not be evaluated.
    /// </summary>
    public static bool? Holds(
        ValidationSession session, ExtensionContext invariant, ResourceScope scope, JsonElement host, string hostType, InstancePath hostPath,
        JsonElement extension, InstancePath extensionPath)
    {
        if (invariant.OnJson is { } expression && host.ValueKind != JsonValueKind.Undefined)
        {
            var container = scope.Container;
            var focus = FpItem.FromJson(host, hostType);
            var environment = new FpEnvironment(focus, scope.Resource, scope.ResourceType, container.Resource, container.ResourceType, extension);
            try
            {
                return FpEvaluator.ToBoolean(FpEvaluator.Evaluate(expression, [focus], environment)) != false;
            }
            catch (Exception exception) when (exception is FhirPathSubsetException or InvalidOperationException or FormatException or OverflowException)
            {
                // outside the subset for this instance: the SDK decides
            }
        }

        var compiled = SdkFhirPath.Compile(invariant.Expression);
        var resource = session.Poco.Node(scope.Path, scope.Path);
        var hostNode = session.Poco.Node(hostPath, scope.Path);
        var extensionNode = session.Poco.Node(extensionPath, scope.Path);
        if (compiled is null || resource is null || hostNode is null || extensionNode is null)
        {
            return null;
        }

        var evaluation = new FhirEvaluationContext { Resource = resource, RootResource = PocoNavigator.RootResourceOf(resource) };
        evaluation.Environment["extension"] = [extensionNode];
        try
        {
            return compiled.Predicate(hostNode, evaluation) != false;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static bool? OnPoco(ValidationSession session, ExtensionContext context, ResourceScope scope, InstancePath hostPath)
    {
        var compiled = SdkFhirPath.Compile(context.Expression);
        var resource = session.Poco.Node(scope.Path, scope.Path);
        var host = session.Poco.Node(hostPath, scope.Path);
        if (compiled is null || resource is null || host is null)
        {
            return null;
        }

        var evaluation = new FhirEvaluationContext { Resource = resource, RootResource = PocoNavigator.RootResourceOf(resource) };
        try
        {
            return compiled(resource, evaluation).Any(node => ReferenceEquals(node.Poco, host.Poco));
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The same JSON node: the same bytes of the same document (values reached by different routes compare equal).</summary>
    private static bool IsSameNode(JsonElement left, JsonElement right)
    {
        var a = JsonMarshal.GetRawUtf8Value(left);
        var b = JsonMarshal.GetRawUtf8Value(right);
        return a.Length == b.Length && Unsafe.AreSame(ref MemoryMarshal.GetReference(a), ref MemoryMarshal.GetReference(b));
    }
}
