using System.Collections.Concurrent;
using FhirOncology.Validation.Structure;
using Hl7.Fhir.FhirPath;
using Hl7.Fhir.Model;
using Hl7.FhirPath;
using Hl7.FhirPath.Expressions;

namespace FhirOncology.Validation.Invariants;

/// <summary>
/// Evaluates the invariants that have no native implementation with the SDK's FHIRPath engine
/// (conformance-rules.html#constraints), each expression compiled once and cached for the life of the process.
/// Runs after the JSON walk, on the POCO of the instance, with %resource, %rootResource and resolve() within the
/// instance (contained resources and Bundle entries).
/// </summary>
internal sealed class FhirPathInvariants
{
    // The FHIR-specific functions (hasValue, resolve, htmlChecks, memberOf…) on top of standard FHIRPath.
    private static readonly FhirPathCompiler Compiler = new(new SymbolTable().AddStandardFP().AddFhirExtensions());
    private readonly ConcurrentDictionary<string, Lazy<CompiledExpression?>> _compiled = new(StringComparer.Ordinal);

    public void Run(ValidationSession session)
    {
        if (session.PendingInvariants.Count == 0)
        {
            return;
        }

        var root = session.Poco.Root;
        var seen = new HashSet<(string Key, string Location)>();
        foreach (var pending in session.PendingInvariants)
        {
            var location = pending.Path.ToString();
            if (!seen.Add((pending.Constraint.Key, location)))
            {
                continue;
            }

            var expression = Compile(pending.Constraint.Expression);
            if (expression is null || root is null)
            {
                session.Information(pending.Path, OperationOutcome.IssueType.NotSupported,
                    $"Constraint {pending.Constraint.Key} was not evaluated: {(root is null ? "the instance could not be read as FHIR" : "its FHIRPath does not compile")}.",
                    pending.Element, pending.Constraint.Key);
                continue;
            }

            var node = PocoNavigator.Navigate(root, pending.Path);
            var resource = PocoNavigator.Navigate(root, pending.ResourcePath);
            if (node is null || resource is null)
            {
                continue; // the lenient parse dropped this node: its structural errors are already reported
            }

            var context = new FhirEvaluationContext
            {
                Resource = resource,
                RootResource = PocoNavigator.RootResourceOf(resource),
                ElementResolver = reference => PocoNavigator.Resolve(root, resource, reference)!,
            };
            bool? result;
            try
            {
                result = expression.Predicate(node, context); // true or empty satisfies the constraint, as in the Firely validator
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

    private CompiledExpression? Compile(string expression) =>
        _compiled.GetOrAdd(expression, text => new Lazy<CompiledExpression?>(() =>
        {
            try
            {
                return Compiler.Compile(text);
            }
            catch (Exception exception) when (exception is FormatException or InvalidOperationException or ArgumentException)
            {
                return null; // reported as "not evaluated" where the constraint applies
            }
        })).Value;
}
