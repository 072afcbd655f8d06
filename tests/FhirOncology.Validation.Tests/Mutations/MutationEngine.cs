using System.Text.Json;
using System.Text.Json.Nodes;
using FhirOncology.Validation.Profiles;
using FhirOncology.Validation.Structure;
using FhirOncology.Validation.Terminology;

namespace FhirOncology.Validation.Tests.Mutations;

/// <summary>
/// Breaks one thing in a valid instance, chosen from its profile rather than hand-picked, so the same engine runs
/// over any corpus: it walks the instance with its definitions and applies the first applicable mutation of a kind.
/// </summary>
internal sealed partial class MutationEngine(ProfileValidator validator)
{
    private readonly TargetCollector _collector = new(validator.Profiles);

    /// <summary>The mutation of this kind for the instance, or null when nothing in it can be broken that way.</summary>
    public Mutation? Create(string json, MutationKind kind)
    {
        var instance = JsonNode.Parse(json)!.AsObject();
        var profile = ProfileOf(instance);
        if (profile is null)
        {
            return null;
        }

        var targets = _collector.Collect(instance, profile);
        return kind switch
        {
            MutationKind.RemoveRequiredElement => RemoveRequired(instance, profile, targets),
            MutationKind.BreakFixedOrPattern => BreakFixedOrPattern(instance, targets),
            MutationKind.CodeOutsideRequiredValueSet => CodeOutsideRequiredValueSet(instance, targets),
            MutationKind.ViolateInvariant => ViolateInvariant(instance, profile, targets),
            MutationKind.ExceedMaximum => ExceedMaximum(instance, targets),
            MutationKind.WrongReferenceTargetType => WrongReferenceTarget(instance, targets),
            MutationKind.UnknownElement => UnknownElement(instance, profile, targets),
            MutationKind.MissingRequiredSlice => MissingRequiredSlice(instance, profile, targets),
            MutationKind.BadPrimitiveFormat => BadPrimitive(instance, targets),
            MutationKind.ScriptInNarrative => ScriptInNarrative(instance, profile),
            MutationKind.ExceedMaxLength => ExceedMaxLength(instance, targets),
            MutationKind.OutOfRange => OutOfRange(instance, targets),
            MutationKind.RegexMismatch => RegexMismatch(instance, targets),
            MutationKind.UnknownCode => UnknownCode(instance, targets),
            MutationKind.WrongDisplay => WrongDisplay(instance, targets),
            _ => null,
        };
    }

    /// <summary>The first declared profile we hold, else the base type.</summary>
    private StructureProfile? ProfileOf(JsonObject instance)
    {
        var declared = instance["meta"]?["profile"]?.AsArray().Select(p => p?.GetValue<string>()).OfType<string>() ?? [];
        return declared.Select(validator.Profiles.Get).FirstOrDefault(p => p is not null)
            ?? validator.Profiles.GetType(instance["resourceType"]!.GetValue<string>());
    }

    /// <summary>
    /// Removes a required child: nested first (inside a complex element, so cardinality is checked below the root),
    /// else of the resource itself. The error belongs to the object that lost the child.
    /// </summary>
    private Mutation? RemoveRequired(JsonObject instance, StructureProfile profile, List<InstanceTarget> targets)
    {
        foreach (var target in targets)
        {
            if (target.Value is not JsonObject item || validator.Profiles.IsResourceType(target.TypeCode) || target.TypeCode is "Resource" or "Extension")
            {
                continue;
            }

            var source = target.Definition.HasChildren ? target.Definition : validator.Profiles.GetType(target.TypeCode)?.Root;
            if (source is not null && RemoveRequiredChild(item, source) is { } removed)
            {
                return new Mutation(MutationKind.RemoveRequiredElement, $"remove {target.Location}.{removed}", instance, target.Location, removed + ":");
            }
        }

        return RemoveRequiredChild(instance, profile.Root) is { } fromRoot
            ? new Mutation(MutationKind.RemoveRequiredElement, $"remove {fromRoot}", instance, profile.Type, fromRoot + ":")
            : null;
    }

    /// <summary>Removes the first required child present (and its <c>_</c> companion); returns its element name.</summary>
    private static string? RemoveRequiredChild(JsonObject item, ElementNode source)
    {
        foreach (var child in source.ChildList.Where(c => c.Min >= 1))
        {
            var present = item.Select(p => p.Key).FirstOrDefault(name =>
                name == child.Name || (child.IsChoice && source.ChoiceNames.TryGetValue(name, out var choice) && ReferenceEquals(choice.Element, child)));
            if (present is not null && item.Count > 1)
            {
                item.Remove(present);
                item.Remove("_" + present);
                return child.Name;
            }
        }

        return null;
    }

    private static Mutation? BreakFixedOrPattern(JsonObject instance, List<InstanceTarget> targets)
    {
        foreach (var target in targets)
        {
            var expected = target.Definition.Fixed ?? target.Definition.Pattern;
            if (expected is null || target.Definition.SliceName is not null || target.Value is null)
            {
                continue;
            }

            if (Corrupt(target.Value.DeepClone(), expected.Value) is { } broken)
            {
                target.Replace(broken);
                return new Mutation(MutationKind.BreakFixedOrPattern, $"break the value of {target.Location}", instance,
                    target.Location, null, target.ParentLocation);
            }
        }

        return null;
    }

    /// <summary>Changes the first string the fixed/pattern value constrains, so the instance no longer matches it.</summary>
    private static JsonNode? Corrupt(JsonNode value, JsonElement expected)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.String:
                return JsonValue.Create(expected.GetString() + "-mutated");
            case JsonValueKind.Object when value is JsonObject obj:
                foreach (var property in expected.EnumerateObject())
                {
                    if (obj[property.Name] is { } child && Corrupt(child.DeepClone(), property.Value) is { } broken)
                    {
                        obj[property.Name] = broken;
                        return obj;
                    }
                }

                return null;
            case JsonValueKind.Array when value is JsonArray array:
                var first = expected.EnumerateArray().FirstOrDefault();
                for (var i = 0; i < array.Count; i++)
                {
                    array[i] = array[i] is { } item ? Corrupt(item.DeepClone(), first) ?? item.DeepClone() : null;
                }

                return array;
            default:
                return null;
        }
    }

    private Mutation? CodeOutsideRequiredValueSet(JsonObject instance, List<InstanceTarget> targets)
    {
        foreach (var target in targets)
        {
            if (target.Definition.Binding is not { Strength: "required" } binding || target.Value is null)
            {
                continue;
            }

            var valueSet = validator.ValueSets.Get(binding.ValueSet);
            if (valueSet.IsUnknown || valueSet.OpenSystems.Count > 0)
            {
                continue; // we could not tell a bad code from an unknown one
            }

            switch (target.TypeCode)
            {
                case "code" when target.Value is JsonValue:
                    target.Replace(JsonValue.Create("zz-not-a-code"));
                    return Outside(instance, target);
                case "CodeableConcept" when target.Value["coding"] is JsonArray { Count: > 0 } codings:
                    foreach (var coding in codings.OfType<JsonObject>())
                    {
                        coding["code"] = "zz-not-a-code";
                    }

                    return Outside(instance, target);
                case "Coding" when target.Value is JsonObject coding:
                    coding["code"] = "zz-not-a-code";
                    return Outside(instance, target);
            }
        }

        return null;
    }

    private static Mutation Outside(JsonObject instance, InstanceTarget target) =>
        new(MutationKind.CodeOutsideRequiredValueSet, $"put a code outside the required value set at {target.Location}", instance,
            target.Location, "zz-not-a-code", target.ParentLocation);
}
