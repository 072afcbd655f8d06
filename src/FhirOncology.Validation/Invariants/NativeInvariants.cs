using System.Globalization;
using System.Text.Json;
using FhirOncology.Validation.Profiles;
using FhirOncology.Validation.Structure;
using Hl7.Fhir.Model;

namespace FhirOncology.Validation.Invariants;

/// <summary>
/// Native implementations of the invariants nearly every instance meets (ele-1 is structural; ext-1, dom-2..6,
/// obs-3/6/7, qty-3, sqty-1, ref-1, per-1, att-1, txt-1/2), so the common case never needs the POCO or FHIRPath.
/// A native check applies only when the constraint's expression is exactly the core one it implements; a profile
/// that reuses a key with another expression falls back to FHIRPath.
/// </summary>
internal static class NativeInvariants
{
    private static readonly Dictionary<string, (string Expression, Func<JsonElement, ResourceScope, bool> Check)> Checks = new(StringComparer.Ordinal)
    {
        ["ext-1"] = ("extension.exists() != value.exists()", (v, _) => Has(v, "extension") != HasChoice(v, "value")),
        ["dom-2"] = ("contained.contained.empty()", (v, _) => !Contained(v).Any(c => Has(c, "contained"))),
        ["dom-3"] = (Dom3, (_, _) => true), // checked once per resource by CheckContainedReferenced
        ["dom-4"] = ("contained.meta.versionId.empty() and contained.meta.lastUpdated.empty()",
            (v, _) => !Contained(v).Any(c => c.TryGetProperty("meta", out var m) && (Has(m, "versionId") || Has(m, "lastUpdated")))),
        ["dom-5"] = ("contained.meta.security.empty()", (v, _) => !Contained(v).Any(c => c.TryGetProperty("meta", out var m) && Has(m, "security"))),
        ["dom-6"] = ("text.`div`.exists()", (v, _) => v.TryGetProperty("text", out var t) && Has(t, "div")),
        ["obs-3"] = ("low.exists() or high.exists() or text.exists()", (v, _) => Has(v, "low") || Has(v, "high") || Has(v, "text")),
        ["obs-6"] = ("dataAbsentReason.empty() or value.empty()", (v, _) => !Has(v, "dataAbsentReason") || !HasChoice(v, "value")),
        ["obs-7"] = ("value.empty() or component.code.where(coding.intersect(%resource.code.coding).exists()).empty()", Obs7),
        ["qty-3"] = ("code.empty() or system.exists()", (v, _) => !Has(v, "code") || Has(v, "system")),
        ["sqty-1"] = ("code.empty() or system.exists()", (v, _) => !Has(v, "code") || Has(v, "system")),
        ["att-1"] = ("data.empty() or contentType.exists()", (v, _) => !Has(v, "data") || Has(v, "contentType")),
        ["ref-1"] = ("reference.startsWith('#').not() or (reference.substring(1).trace('url') in %rootResource.contained.id.trace('ids'))", Ref1),
        ["per-1"] = ("start.hasValue().not() or end.hasValue().not() or (start <= end)", Per1),
        ["txt-1"] = ("htmlChecks()", (_, _) => true), // NarrativeChecker, on the xhtml itself
        ["txt-2"] = ("htmlChecks()", (_, _) => true),
    };

    private const string Dom3 =
        "contained.where((('#'+id in (%resource.descendants().reference | %resource.descendants().as(canonical) | %resource.descendants().as(uri) | %resource.descendants().as(url))) or descendants().where(reference = '#').exists() or descendants().where(as(canonical) = '#').exists() or descendants().where(as(canonical) = '#').exists()).not()).trace('unmatched', id).empty()";

    /// <summary>The native check for a constraint, or null when FHIRPath must evaluate it.</summary>
    public static Func<JsonElement, ResourceScope, bool>? Find(string key, string expression) =>
        Checks.TryGetValue(key, out var native) && native.Expression == expression ? native.Check : null;

    /// <summary>
    /// dom-3: every contained resource is referenced from elsewhere in the resource, or refers to its container
    /// with <c>#</c> (references.html#contained).
    /// </summary>
    public static void CheckContainedReferenced(ValidationSession session, JsonElement resource, InstancePath path)
    {
        var localReferences = new HashSet<string>(StringComparer.Ordinal);
        CollectLocalReferences(resource, localReferences);
        var index = 0;
        foreach (var contained in Contained(resource))
        {
            var id = contained.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
            var referencesContainer = new HashSet<string>(StringComparer.Ordinal);
            CollectLocalReferences(contained, referencesContainer);
            if (id is not null && !localReferences.Contains("#" + id) && !referencesContainer.Contains("#"))
            {
                session.Error(path.Child("contained", "contained", index), OperationOutcome.IssueType.Invariant,
                    $"Constraint dom-3 failed: contained resource #{id} is not referenced from the rest of the resource, nor does it refer to its container.",
                    null, "dom-3");
            }

            index++;
        }
    }

    private static void CollectLocalReferences(JsonElement value, HashSet<string> found)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    CollectLocalReferences(property.Value, found);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    CollectLocalReferences(item, found);
                }

                break;
            case JsonValueKind.String when value.GetString() is { Length: > 0 } text && text[0] == '#':
                found.Add(text);
                break;
        }
    }

    private static bool Obs7(JsonElement observation, ResourceScope scope)
    {
        if (!HasChoice(observation, "value") || !observation.TryGetProperty("component", out var components)
            || !observation.TryGetProperty("code", out var code) || !code.TryGetProperty("coding", out var codings))
        {
            return true;
        }

        foreach (var component in components.EnumerateArray())
        {
            if (component.TryGetProperty("code", out var componentCode) && componentCode.TryGetProperty("coding", out var componentCodings)
                && componentCodings.EnumerateArray().Any(c => codings.EnumerateArray().Any(o => JsonValueMatcher.AreEqual(o, c))))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Ref1(JsonElement reference, ResourceScope scope)
    {
        if (!reference.TryGetProperty("reference", out var r) || r.ValueKind != JsonValueKind.String || r.GetString() is not { } text
            || !text.StartsWith('#'))
        {
            return true;
        }

        return text.Length == 1 || scope.TryGetContained(text[1..], out _);
    }

    /// <summary>per-1 with FHIRPath comparison semantics: values of different precision are not comparable (true).</summary>
    private static bool Per1(JsonElement period, ResourceScope scope)
    {
        if (!period.TryGetProperty("start", out var s) || !period.TryGetProperty("end", out var e)
            || s.ValueKind != JsonValueKind.String || e.ValueKind != JsonValueKind.String)
        {
            return true;
        }

        var start = s.GetString()!;
        var end = e.GetString()!;
        if (start.Length <= 10 || end.Length <= 10)
        {
            return start.Length != end.Length || string.CompareOrdinal(start, end) <= 0;
        }

        return !DateTimeOffset.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !DateTimeOffset.TryParse(end, CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
            || from <= to;
    }

    private static IEnumerable<JsonElement> Contained(JsonElement resource) =>
        resource.TryGetProperty("contained", out var contained) && contained.ValueKind == JsonValueKind.Array
            ? contained.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.Object)
            : [];

    private static bool Has(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Object && (value.TryGetProperty(name, out _) || value.TryGetProperty("_" + name, out _));

    /// <summary>A choice element in any of its JSON forms (<c>valueQuantity</c>, <c>_valueString</c>).</summary>
    private static bool HasChoice(JsonElement value, string prefix)
    {
        foreach (var property in value.EnumerateObject())
        {
            var name = property.Name.StartsWith('_') ? property.Name[1..] : property.Name;
            if (name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.Ordinal) && char.IsUpper(name[prefix.Length]))
            {
                return true;
            }
        }

        return false;
    }
}
