using System.Collections.Concurrent;
using System.Text.Json;
using FhirOncology.Validation.Profiles;
using FhirOncology.Validation.Structure;

namespace FhirOncology.Validation.Slicing;

/// <summary>
/// Decides which slice an occurrence belongs to from the discriminators (profiling.html#discriminator):
/// <c>value</c> / <c>pattern</c> compare with the fixed or pattern value at the path, <c>exists</c> with the slice's
/// min/max there, <c>type</c> with its allowed types, <c>profile</c> by validating against its profiles.
/// A slicing without discriminators matches by full validation against each slice.
/// </summary>
internal sealed class SliceMatcher(InstanceValidator validator, ProfileRegistry profiles)
{
    private static readonly ConcurrentDictionary<string, List<string>> Steps = new(StringComparer.Ordinal);

    public int Match(ValidationSession session, ElementNode sliced, ValueItem item, ResourceScope scope)
    {
        for (var s = 0; s < sliced.Slices.Count; s++)
        {
            if (Matches(session, sliced, sliced.Slices[s], item, scope))
            {
                return s;
            }
        }

        return -1;
    }

    private bool Matches(ValidationSession session, ElementNode sliced, ElementNode slice, ValueItem item, ResourceScope scope)
    {
        var discriminators = sliced.Slicing!.Discriminators;
        if (discriminators.Count == 0)
        {
            var fork = session.Fork();
            validator.ValidateItem(fork, slice, item, scope);
            validator.RunDeferred(fork);
            return !fork.HasErrors;
        }

        foreach (var discriminator in discriminators)
        {
            var steps = Steps.GetOrAdd(discriminator.Path, static path => DiscriminatorPath.Split(path));
            var definition = SliceDefinitionNavigator.Find(profiles, slice, discriminator.Path, steps);
            if (definition is null)
            {
                return false;
            }

            if (IsSimpleValue(discriminator, steps, definition, item, out var matches))
            {
                if (!matches)
                {
                    return false;
                }

                continue;
            }

            var values = InstancePathEvaluator.Evaluate(item, steps, scope);
            if (!Satisfies(session, discriminator, steps, definition, values, scope))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The common case without allocation: a value/pattern discriminator on one plain child (<c>url</c>, <c>code</c>)
    /// whose slice fixes or patterns it, e.g. extensions sliced by url.
    /// </summary>
    private static bool IsSimpleValue(DiscriminatorInfo discriminator, List<string> steps, ElementNode definition, ValueItem item, out bool matches)
    {
        matches = false;
        if (discriminator.Type is not ("value" or "pattern") || steps.Count != 1 || (definition.Fixed is null && definition.Pattern is null)
            || item.Value is not { ValueKind: JsonValueKind.Object } value || !IsPlainName(steps[0]))
        {
            return false;
        }

        if (!value.TryGetProperty(steps[0], out var child))
        {
            return true;
        }

        if (child.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in child.EnumerateArray())
            {
                matches |= Matches(definition, entry);
            }
        }
        else
        {
            matches = Matches(definition, child);
        }

        return true;
    }

    private static bool Matches(ElementNode definition, JsonElement value) =>
        definition.Fixed is { } fixedValue ? JsonValueMatcher.AreEqual(fixedValue, value) : JsonValueMatcher.Contains(definition.Pattern!.Value, value);

    private static bool IsPlainName(string step)
    {
        foreach (var c in step)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private bool Satisfies(
        ValidationSession session, DiscriminatorInfo discriminator, List<string> steps, ElementNode definition,
        List<DiscriminatorValue> values, ResourceScope scope)
    {
        switch (discriminator.Type)
        {
            case "value" or "pattern":
                if (definition.Fixed is { } fixedValue)
                {
                    return values.Exists(v => JsonValueMatcher.AreEqual(fixedValue, v.Value));
                }

                if (definition.Pattern is { } pattern)
                {
                    return values.Exists(v => JsonValueMatcher.Contains(pattern, v.Value));
                }

                // Slicing by a required binding: a value set we cannot expand (US Core's) counts as a match, so that a
                // missing value set never turns into a false "missing slice" error.
                return definition.Binding is { Strength: "required" } binding
                    && values.Exists(v => validator.Bindings.MembershipOf(binding.ValueSet, v.Value) != Terminology.Membership.NotMember);
            case "exists":
                return definition.Min >= 1 ? values.Count > 0 : definition.Max == 0 && values.Count == 0;
            case "type":
                return values.Exists(v => definition.Types.Any(t => t.Code == v.TypeCode));
            case "profile":
                var wanted = steps.Count > 0 && steps[^1] == "resolve()"
                    ? definition.Types.SelectMany(t => t.TargetProfiles).ToList()
                    : definition.Types.SelectMany(t => t.Profiles).ToList();
                return values.Exists(v => wanted.Exists(profile => ConformsTo(session, v, profile, scope)));
            default:
                return false;
        }
    }

    private bool ConformsTo(ValidationSession session, DiscriminatorValue value, string profile, ResourceScope scope)
    {
        if (Declares(value.Value, profile))
        {
            return true;
        }

        if (profiles.Get(profile) is null)
        {
            return false;
        }

        return value.Value.TryGetProperty("resourceType", out _)
            ? validator.Conforms(session, value.Value, value.Path, profile, scope)
            : ConformsAsElement(session, value, profile, scope);
    }

    private bool ConformsAsElement(ValidationSession session, DiscriminatorValue value, string profile, ResourceScope scope)
    {
        var definition = profiles.Get(profile)!;
        var fork = session.Fork();
        validator.ValidateItem(fork, definition.Root, new ValueItem(value.Value, null, definition.Type, value.Path, ""), scope);
        validator.RunDeferred(fork);
        return !fork.HasErrors;
    }

    private static bool Declares(JsonElement resource, string profile)
    {
        if (resource.ValueKind != JsonValueKind.Object || !resource.TryGetProperty("meta", out var meta)
            || meta.ValueKind != JsonValueKind.Object || !meta.TryGetProperty("profile", out var declared)
            || declared.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        foreach (var item in declared.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString() == profile)
            {
                return true;
            }
        }

        return false;
    }
}
