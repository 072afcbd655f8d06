using System.Text.Json;
using System.Text.Json.Nodes;
using FhirOncology.Validation.Structure;

namespace FhirOncology.Validation.Tests.Mutations;

/// <summary>Mutations of the value rules of an element definition: maxLength, minValue/maxValue, the regex extension.</summary>
internal sealed partial class MutationEngine
{
    /// <summary>One character more than maxLength, repeating the value's last character (so a regex it meets still holds).</summary>
    private static Mutation? ExceedMaxLength(JsonObject instance, List<InstanceTarget> targets)
    {
        foreach (var target in targets)
        {
            if (target.Definition.MaxLength is not { } maxLength || target.Value is not JsonValue value
                || !value.TryGetValue<string>(out var text) || text.Length == 0)
            {
                continue;
            }

            target.Replace(JsonValue.Create(text + new string(text[^1], maxLength + 1 - text.Length)));
            return new Mutation(MutationKind.ExceedMaxLength, $"lengthen {target.Location} beyond {maxLength} characters", instance,
                target.Location, "(maxLength)");
        }

        return null;
    }

    /// <summary>A number (or a Quantity in the limit's own unit) just above maxValue, else just below minValue.</summary>
    private static Mutation? OutOfRange(JsonObject instance, List<InstanceTarget> targets)
    {
        foreach (var target in targets)
        {
            var definition = target.Definition;
            foreach (var (limit, above) in new[] { (definition.MaxValue, true), (definition.MinValue, false) })
            {
                if (limit is not { } bound || Beyond(target, bound, above) is not { } broken)
                {
                    continue;
                }

                target.Replace(broken);
                return new Mutation(MutationKind.OutOfRange, $"put {target.Location} {(above ? "above its maxValue" : "below its minValue")}", instance,
                    target.Location, above ? "above the maximum" : "below the minimum");
            }
        }

        return null;
    }

    private static JsonNode? Beyond(InstanceTarget target, JsonElement bound, bool above)
    {
        var step = above ? 1m : -1m;
        if (bound.ValueKind == JsonValueKind.Number && target.Value is JsonValue && target.TypeCode is "decimal" or "integer")
        {
            return JsonValue.Create(bound.GetDecimal() + step);
        }

        // A Quantity: only in the limit's own system and code, the only case compared (no unit conversion).
        if (bound.ValueKind == JsonValueKind.Object && target.Value is JsonObject quantity
            && bound.TryGetProperty("value", out var limit) && limit.ValueKind == JsonValueKind.Number
            && Same(quantity["system"], bound, "system") && Same(quantity["code"], bound, "code"))
        {
            var broken = quantity.DeepClone().AsObject();
            broken["value"] = limit.GetDecimal() + step;
            return broken;
        }

        return null;
    }

    private static bool Same(JsonNode? node, JsonElement bound, string name) =>
        bound.TryGetProperty(name, out var expected) && node is JsonValue value && value.TryGetValue<string>(out var text) && text == expected.GetString();

    /// <summary>A value that fails one of the element's regexes.</summary>
    private static Mutation? RegexMismatch(JsonObject instance, List<InstanceTarget> targets)
    {
        string[] candidates = ["<not matching>", "zz", "0", "\u00a7 \u00a7"];
        foreach (var target in targets)
        {
            if (target.Definition.Regexes.Count == 0 || target.Value is not JsonValue value || !value.TryGetValue<string>(out _))
            {
                continue;
            }

            var failing = candidates.FirstOrDefault(candidate =>
                target.Definition.Regexes.Exists(pattern => RegexCache.Get(pattern) is { } regex && !regex.IsMatch(candidate)));
            if (failing is null)
            {
                continue;
            }

            target.Replace(JsonValue.Create(failing));
            return new Mutation(MutationKind.RegexMismatch, $"give {target.Location} a value its regex refuses", instance,
                target.Location, "does not match the regex");
        }

        return null;
    }
}
