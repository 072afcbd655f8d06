using System.Globalization;
using System.Text.Json;
using FhirOncology.Validation.Profiles;
using FhirOncology.Validation.Structure;
using Hl7.Fhir.Model;

namespace FhirOncology.Validation.Invariants;

/// <summary>
/// Native implementations of the invariants nearly every instance meets (ele-1 is structural; ext-1, dom-2..6,
/// obs-3/6/7, qty-3, sqty-1, cpt-2, tim-1/2/6/7/8/10, ref-1, per-1, rng-2, att-1, bdl-5/7/8, txt-1/2), so the common case never needs the POCO or FHIRPath.
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
        ["sqty-1"] = ("comparator.empty()", (v, _) => !Has(v, "comparator")),
        ["cpt-2"] = ("value.empty() or system.exists()", (v, _) => !Has(v, "value") || Has(v, "system")),
        ["tim-1"] = ("duration.empty() or durationUnit.exists()", (v, _) => !Has(v, "duration") || Has(v, "durationUnit")),
        ["tim-2"] = ("period.empty() or periodUnit.exists()", (v, _) => !Has(v, "period") || Has(v, "periodUnit")),
        ["tim-6"] = ("periodMax.empty() or period.exists()", (v, _) => !Has(v, "periodMax") || Has(v, "period")),
        ["tim-7"] = ("durationMax.empty() or duration.exists()", (v, _) => !Has(v, "durationMax") || Has(v, "duration")),
        ["tim-8"] = ("countMax.empty() or count.exists()", (v, _) => !Has(v, "countMax") || Has(v, "count")),
        ["tim-10"] = ("timeOfDay.empty() or when.empty()", (v, _) => !Has(v, "timeOfDay") || !Has(v, "when")),
        ["bdl-5"] = ("resource.exists() or request.exists() or response.exists()", (v, _) => Has(v, "resource") || Has(v, "request") || Has(v, "response")),
        ["bdl-8"] = ("fullUrl.contains('/_history/').not()",
            (v, _) => !v.TryGetProperty("fullUrl", out var u) || u.ValueKind != JsonValueKind.String || !u.GetString()!.Contains("/_history/", StringComparison.Ordinal)),
        ["att-1"] = ("data.empty() or contentType.exists()", (v, _) => !Has(v, "data") || Has(v, "contentType")),
        ["ref-1"] = ("reference.startsWith('#').not() or (reference.substring(1).trace('url') in %rootResource.contained.id.trace('ids'))", Ref1),
        ["per-1"] = ("start.hasValue().not() or end.hasValue().not() or (start <= end)", Per1),
        ["rng-2"] = ("low.empty() or high.empty() or (low <= high)", Rng2),
        ["bdl-7"] = ("(type = 'history') or entry.where(fullUrl.exists()).select(fullUrl&resource.meta.versionId).isDistinct()", Bdl7),
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

    /// <summary>rng-2: quantities in the same unit compare by value; different units are not comparable here (true).</summary>
    private static bool Rng2(JsonElement range, ResourceScope scope)
    {
        if (!range.TryGetProperty("low", out var low) || !range.TryGetProperty("high", out var high)
            || !low.TryGetProperty("value", out var lowValue) || !high.TryGetProperty("value", out var highValue)
            || lowValue.ValueKind != JsonValueKind.Number || highValue.ValueKind != JsonValueKind.Number)
        {
            return true;
        }

        var lowUnit = low.TryGetProperty("code", out var lc) ? lc.GetString() : null;
        var highUnit = high.TryGetProperty("code", out var hc) ? hc.GetString() : null;
        return lowUnit != highUnit || lowValue.GetDecimal() <= highValue.GetDecimal();
    }

    /// <summary>bdl-7: outside history bundles, fullUrl (with meta.versionId) is unique.</summary>
    private static bool Bdl7(JsonElement bundle, ResourceScope scope)
    {
        if (bundle.TryGetProperty("type", out var type) && type.ValueEquals("history")
            || !bundle.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
        {
            return true;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("fullUrl", out var fullUrl) || fullUrl.ValueKind != JsonValueKind.String)
            {
                continue;
            }

            var version = entry.TryGetProperty("resource", out var resource) && resource.ValueKind == JsonValueKind.Object
                && resource.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object
                && meta.TryGetProperty("versionId", out var versionId) ? versionId.GetString() : "";
            if (!seen.Add(fullUrl.GetString() + "|" + version))
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

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> ShadowNames = new(StringComparer.Ordinal);

    /// <summary>The element is present, as a value or only as its <c>_name</c> companion (json.html#primitive).</summary>
    private static bool Has(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Object
        && (value.TryGetProperty(name, out _) || value.TryGetProperty(ShadowNames.GetOrAdd(name, static n => "_" + n), out _));

    /// <summary>A choice element in any of its JSON forms (<c>valueQuantity</c>, <c>_valueString</c>).</summary>
    private static bool HasChoice(JsonElement value, string prefix)
    {
        foreach (var property in value.EnumerateObject())
        {
            var name = property.Name.StartsWith('_') ? property.Name[1..] : property.Name;
            if (ChoiceSuffix.TypeOf(name, prefix) is not null)
            {
                return true;
            }
        }

        return false;
    }
}
