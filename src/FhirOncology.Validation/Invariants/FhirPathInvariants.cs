using FhirOncology.Validation.Structure;
using Hl7.Fhir.FhirPath;
using Hl7.Fhir.Model;
using Hl7.FhirPath;

namespace FhirOncology.Validation.Invariants;

/// <summary>
/// Evaluates the invariants that have no native implementation and fall outside the JSON FHIRPath subset with the
/// SDK's FHIRPath engine (conformance-rules.html#constraints), each expression compiled once (<see cref="SdkFhirPath"/>).
/// Runs after the JSON walk, on the POCOs of <see cref="PocoCache"/> (parsed once per validation, a Bundle entry at a
/// time). The constrained node is the focus, and so <c>%context</c>; <c>%resource</c> is the resource holding it and
/// <c>%rootResource</c> its container when it is contained (fhirpath.html#environment-variables); resolve() follows
/// references to contained resources and Bundle entries.
/// </summary>
internal sealed class FhirPathInvariants
{
    public void Run(ValidationSession session)
    {
        if (session.PendingInvariants.Count == 0)
        {
            return;
        }

        var seen = new HashSet<(string Key, string Location)>();
        FhirEvaluationContext? context = null;
        ResourceScope? contextScope = null;
        foreach (var pending in session.PendingInvariants)
        {
            if (!seen.Add((pending.Constraint.Key, pending.Path.ToString())))
            {
                continue;
            }

            var expression = SdkFhirPath.Compile(pending.Constraint.Expression);
            var scope = pending.Scope;
            if (expression is null || session.Poco.IsUnreadable(scope.Path))
            {
                session.Information(pending.Path, OperationOutcome.IssueType.NotSupported,
                    $"Constraint {pending.Constraint.Key} was not evaluated: {(expression is null ? "its FHIRPath does not compile" : "the instance could not be read as FHIR")}.",
                    pending.Element, pending.Constraint.Key);
                continue;
            }

            var node = session.Poco.Node(pending.Path, scope.Path);
            var resource = session.Poco.Node(scope.Path, scope.Path);
            if (node is null || resource is null)
            {
                continue; // the lenient parse dropped this node: its structural errors are already reported
            }

            if (!ReferenceEquals(scope, contextScope))
            {
                // One context per resource: invariants are collected resource by resource, so this is rarely rebuilt.
                var poco = session.Poco;
                context = new FhirEvaluationContext
                {
                    Resource = resource,
                    RootResource = PocoNavigator.RootResourceOf(resource),
                    ElementResolver = reference => PocoNavigator.Resolve(poco, scope, resource, reference)!,
                };
                contextScope = scope;
            }

            bool? result;
            try
            {
                result = expression.Predicate(node, context!); // true or empty satisfies the constraint, as in the Firely validator
            }
            catch (InvalidOperationException exception)
            {
                session.Information(pending.Path, OperationOutcome.IssueType.Exception,
                    $"Constraint {pending.Constraint.Key} could not be evaluated: {exception.Message}", pending.Element, pending.Constraint.Key);
                continue;
            }

            if (result == false)
            {
                InstanceValidator.Report(session, pending.Constraint, pending.Path, pending.Element);
            }
        }
    }
}
