using System.Text.Json.Nodes;
using FhirOncology.Validation.Profiles;
using FhirOncology.Validation.Slicing;
using FhirOncology.Validation.Structure;

namespace FhirOncology.Validation.Tests.Mutations;

internal sealed partial class MutationEngine
{
    private Mutation? ViolateInvariant(JsonObject instance, StructureProfile profile, List<InstanceTarget> targets)
    {
        // qty-3: a Quantity with a code needs a system (datatypes.html#Quantity).
        foreach (var target in targets)
        {
            if (target.TypeCode is "Quantity" && target.Value is JsonObject quantity && quantity["code"] is not null && quantity["system"] is not null)
            {
                quantity.Remove("system");
                return new Mutation(MutationKind.ViolateInvariant, $"remove system from {target.Location}", instance, target.Location, "qty-3");
            }
        }

        // ext-1: an extension has a value or nested extensions, not both (extensibility.html).
        foreach (var target in targets)
        {
            if (target.TypeCode == "Extension" && target.Value is JsonObject extension && extension.Any(p => p.Key.StartsWith("value", StringComparison.Ordinal)))
            {
                extension["extension"] = new JsonArray(new JsonObject { ["url"] = "http://example.org/nested", ["valueString"] = "x" });
                return new Mutation(MutationKind.ViolateInvariant, $"give {target.Location} both a value and extensions", instance, target.Location, "ext-1");
            }
        }

        // dom-2: a contained resource must not contain resources (DomainResource only; Parameters and Bundle have none).
        if (!validator.Profiles.GetType(profile.Type)!.Root.Children.ContainsKey("contained"))
        {
            return null;
        }

        instance["contained"] = new JsonArray(new JsonObject
        {
            ["resourceType"] = "Basic",
            ["id"] = "outer",
            ["code"] = new JsonObject { ["text"] = "x" },
            ["contained"] = new JsonArray(new JsonObject { ["resourceType"] = "Basic", ["id"] = "inner", ["code"] = new JsonObject { ["text"] = "y" } }),
        });
        _ = targets;
        return new Mutation(MutationKind.ViolateInvariant, "nest a contained resource in a contained resource", instance, profile.Type, "dom-2");
    }

    private static Mutation? ExceedMaximum(JsonObject instance, List<InstanceTarget> targets)
    {
        foreach (var target in targets)
        {
            var max = target.Definition.Max;
            if (target.Index < 0 || max == int.MaxValue || max < 1 || target.Definition.SliceName is not null
                || target.Parent[target.JsonName] is not JsonArray array || array.Count != max || target.Index != array.Count - 1)
            {
                continue;
            }

            array.Add(array[^1]!.DeepClone());
            return new Mutation(MutationKind.ExceedMaximum, $"repeat {target.JsonName} beyond its maximum of {max}", instance,
                $"{target.ParentLocation}.{target.JsonName}[{max}]", "at most", target.ParentLocation);
        }

        return null;
    }

    private Mutation? WrongReferenceTarget(JsonObject instance, List<InstanceTarget> targets)
    {
        foreach (var target in targets)
        {
            if (target.TypeCode != "Reference" || target.Value?["reference"] is not JsonValue referenceValue
                || referenceValue.GetValue<string>() is not { } reference || !reference.Contains('/', StringComparison.Ordinal)
                || reference.StartsWith("urn:", StringComparison.Ordinal) || reference.StartsWith('#'))
            {
                continue;
            }

            var allowed = target.Definition.Types.SelectMany(t => t.TargetProfiles).Select(validator.Profiles.TypeOf).ToList();
            if (allowed.Count == 0 || allowed.Any(type => type is null or "Resource" or "Basic"))
            {
                continue;
            }

            target.Value["reference"] = "Basic/mutated-target";
            return new Mutation(MutationKind.WrongReferenceTargetType, $"point {target.Location} at a Basic", instance, target.Location, "Basic");
        }

        return null;
    }

    private static Mutation UnknownElement(JsonObject instance, StructureProfile profile, List<InstanceTarget> targets)
    {
        var nested = targets.FirstOrDefault(t => t.Value is JsonObject && t.TypeCode is not ("Resource" or "Extension"));
        if (nested?.Value is JsonObject inner)
        {
            inner["unknownElementMutated"] = "x";
            return new Mutation(MutationKind.UnknownElement, $"add an unknown element in {nested.Location}", instance, nested.Location, "unknownElementMutated");
        }

        instance["unknownElementMutated"] = "x";
        return new Mutation(MutationKind.UnknownElement, "add an unknown element at the root", instance, profile.Type, "unknownElementMutated");
    }

    /// <summary>Removes every occurrence of a required slice, found by its simple value/pattern discriminator.</summary>
    private Mutation? MissingRequiredSlice(JsonObject instance, StructureProfile profile, List<InstanceTarget> targets)
    {
        foreach (var group in targets.Where(t => t.Definition.Slicing is not null && t.Index >= 0).GroupBy(t => (t.Parent, t.JsonName)))
        {
            var sliced = group.First().Definition;
            foreach (var slice in sliced.Slices.Where(s => s.Min >= 1))
            {
                var members = group.Where(t => MatchesSimply(sliced, slice, t)).ToList();
                if (members.Count == 0 || sliced.Slicing!.Discriminators.Count == 0)
                {
                    continue;
                }

                var array = (JsonArray)group.Key.Parent[group.Key.JsonName]!;
                foreach (var member in members.OrderByDescending(m => m.Index))
                {
                    array.RemoveAt(member.Index);
                }

                if (array.Count == 0)
                {
                    group.Key.Parent.Remove(group.Key.JsonName);
                }

                return new Mutation(MutationKind.MissingRequiredSlice, $"remove slice {sliced.Name}:{slice.SliceName}", instance,
                    group.First().ParentLocation, $"{sliced.Name}:{slice.SliceName}");
            }
        }

        _ = profile;
        return null;
    }

    private bool MatchesSimply(ElementNode sliced, ElementNode slice, InstanceTarget target)
    {
        if (target.Value is not JsonObject item)
        {
            return false;
        }

        var element = System.Text.Json.JsonSerializer.SerializeToElement(item);
        foreach (var discriminator in sliced.Slicing!.Discriminators)
        {
            var steps = DiscriminatorPath.Split(discriminator.Path);
            var definition = SliceDefinitionNavigator.Find(validator.Profiles, slice, discriminator.Path, steps);
            var expected = definition?.Fixed ?? definition?.Pattern;
            if (discriminator.Type is not ("value" or "pattern") || expected is null || steps.Count > 1)
            {
                return false;
            }

            var actual = steps.Count == 0 ? element : element.TryGetProperty(steps[0], out var child) ? child : default;
            if (actual.ValueKind == System.Text.Json.JsonValueKind.Undefined || !JsonValueMatcher.Contains(expected.Value, actual))
            {
                return false;
            }
        }

        return true;
    }

    private static Mutation? BadPrimitive(JsonObject instance, List<InstanceTarget> targets)
    {
        foreach (var target in targets)
        {
            JsonNode? bad = target.TypeCode switch
            {
                "date" => JsonValue.Create("2021-02-30"),
                "dateTime" => JsonValue.Create("2021-13-01T10:00:00Z"),
                "instant" => JsonValue.Create("2021-01-01"),
                "id" => JsonValue.Create("not a valid id!"),
                "boolean" => JsonValue.Create("true"),
                "decimal" => JsonValue.Create("1.5"),
                "positiveInt" => JsonValue.Create(0),
                "uri" or "url" or "canonical" => JsonValue.Create("has a space"),
                _ => null,
            };
            if (bad is null || target.Value is not JsonValue)
            {
                continue;
            }

            target.Replace(bad);
            return new Mutation(MutationKind.BadPrimitiveFormat, $"make {target.Location} an invalid {target.TypeCode}", instance, target.Location, null);
        }

        return null;
    }

    private static Mutation? ScriptInNarrative(JsonObject instance, StructureProfile profile)
    {
        if (instance["text"]?["div"] is not JsonValue div || div.GetValue<string>() is not { } xhtml)
        {
            return null;
        }

        var close = xhtml.IndexOf('>', StringComparison.Ordinal);
        instance["text"]!["div"] = xhtml[..(close + 1)] + "<script>alert('x')</script>" + xhtml[(close + 1)..];
        return new Mutation(MutationKind.ScriptInNarrative, "inject a script into the narrative", instance, $"{profile.Type}.text.div", "txt-1");
    }
}
