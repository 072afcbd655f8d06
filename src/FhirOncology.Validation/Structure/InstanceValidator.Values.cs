using System.Text.Json;
using FhirOncology.Validation.Invariants;
using FhirOncology.Validation.Profiles;
using Hl7.Fhir.Model;

namespace FhirOncology.Validation.Structure;

/// <summary>Primitive values, fixed/pattern values and invariants of one occurrence.</summary>
internal sealed partial class InstanceValidator
{
    private void ValidatePrimitive(ValidationSession session, ElementNode element, ValueItem item, ResourceScope scope)
    {
        var type = item.TypeCode;
        var value = item.Value is { ValueKind: not JsonValueKind.Null } v ? v : (JsonElement?)null;
        if (value is { } present)
        {
            if (PrimitiveValidator.Check(present, type) is { } problem)
            {
                var code = present.ValueKind == JsonValueKind.String || PrimitiveTypes.IsNumber(type) && present.ValueKind == JsonValueKind.Number
                    ? OperationOutcome.IssueType.Value : OperationOutcome.IssueType.Structure;
                session.Error(item.Path, code, problem, element);
                return;
            }

            StringRules.Check(session, element, present, item.Path);
        }

        if (item.Shadow is { } shadow)
        {
            if (shadow.ValueKind != JsonValueKind.Object)
            {
                session.Error(item.Path, OperationOutcome.IssueType.Structure, "The '_' companion of a primitive must be an object (json.html#primitive).", element);
            }
            else if (_profiles.GetType(type)?.Root is { } primitiveRoot)
            {
                ValidateChildren(session, primitiveRoot, shadow, item.Path, scope, isResourceRoot: false, type, element.Path);
            }
        }

        if (value is null)
        {
            if (item.Shadow is not { ValueKind: JsonValueKind.Object } s || !s.TryGetProperty("extension", out _))
            {
                session.Error(item.Path, OperationOutcome.IssueType.Invariant,
                    "A primitive needs a value or an extension (ele-1: all FHIR elements must have a @value or children).", element, "ele-1");
            }

            return;
        }

        CheckFixedAndPattern(session, element, value.Value, item.Path);
        if (element.MinValue is not null || element.MaxValue is not null)
        {
            RangeChecker.Check(session, element, value.Value, type, item.Path);
        }
        if (element.Binding is not null)
        {
            _bindings.Check(session, element, value.Value, type, item.Path);
        }

        if (type == "canonical")
        {
            _canonicals.Check(session, element, value.Value, item.Path, scope);
        }

        if (type == "xhtml")
        {
            _narrative.Check(session, value.Value.GetString()!, item.Path, element);
        }

        RunConstraints(session, element, value.Value, item.Path, scope, type);
    }

    private static void CheckFixedAndPattern(ValidationSession session, ElementNode element, JsonElement value, InstancePath path)
    {
        if (element.Fixed is { } fixedValue && !JsonValueMatcher.AreEqual(fixedValue, value))
        {
            session.Error(path, OperationOutcome.IssueType.Value,
                $"The value must be exactly {JsonValueMatcher.Show(fixedValue)} (fixed value, profiling.html#fixed), found {JsonValueMatcher.Show(value)}.", element);
        }

        if (element.Pattern is { } pattern && !JsonValueMatcher.Contains(pattern, value))
        {
            session.Error(path, OperationOutcome.IssueType.Value,
                $"The value must match the pattern {JsonValueMatcher.Show(pattern)} (profiling.html#pattern), found {JsonValueMatcher.Show(value)}.", element);
        }
    }

    private static void RunConstraints(ValidationSession session, ElementNode element, JsonElement value, InstancePath path, ResourceScope scope, string type)
    {
        foreach (var constraint in element.Constraints)
        {
            if (constraint.IsStructural)
            {
                continue; // checked where the walk finds empty objects and valueless primitives
            }

            if (constraint.Native is { } native && (!session.Context.SdkInvariantsOnly || constraint.Key is "dom-3" or "txt-1" or "txt-2"))
            {
                if (value.ValueKind == JsonValueKind.Object && !native(value, scope))
                {
                    Report(session, constraint, path, element);
                }
            }
            else if (!session.Context.SdkInvariantsOnly && JsonInvariants.Evaluate(constraint, value, type, scope) is { } satisfied)
            {
                if (!satisfied)
                {
                    Report(session, constraint, path, element);
                }
            }
            else
            {
                session.PendingInvariants.Add(new PendingInvariant(constraint, path, scope, element));
            }
        }
    }

    internal static void Report(ValidationSession session, ConstraintInfo constraint, InstancePath path, ElementNode element) =>
        session.Add(
            constraint.IsError ? OperationOutcome.IssueSeverity.Error : OperationOutcome.IssueSeverity.Warning,
            path, OperationOutcome.IssueType.Invariant, $"Constraint {constraint.Key} failed: {constraint.Human}", element, constraint.Key);
}
