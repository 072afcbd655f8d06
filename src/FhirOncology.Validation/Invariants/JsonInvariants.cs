using System.Text.Json;
using FhirOncology.Validation.Invariants.JsonPath;
using FhirOncology.Validation.Profiles;
using FhirOncology.Validation.Structure;

namespace FhirOncology.Validation.Invariants;

/// <summary>
/// Evaluates an invariant on the JSON itself when its expression stays within the FHIRPath subset of
/// <see cref="FpEvaluator"/>, so most instances never need the POCO. A true or empty result satisfies the constraint
/// (as in the Firely validator); null means "outside the subset here", and the SDK's engine decides after the walk.
/// </summary>
internal static class JsonInvariants
{
    public static bool? Evaluate(ConstraintInfo constraint, JsonElement value, string type, ResourceScope scope)
    {
        if (constraint.OnJson is not { } expression)
        {
            return null;
        }

        var container = scope.Container;
        var focus = FpItem.FromJson(value, type);
        var environment = new FpEnvironment(focus, scope.Resource, scope.ResourceType, container.Resource, container.ResourceType);
        try
        {
            return FpEvaluator.ToBoolean(FpEvaluator.Evaluate(expression, [focus], environment)) != false;
        }
        catch (Exception exception) when (exception is FhirPathSubsetException or InvalidOperationException or FormatException or OverflowException)
        {
            return null;
        }
    }
}
