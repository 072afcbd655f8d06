using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using FhirOncology.Validation.Packages;

namespace FhirOncology.Validation.Terminology;

/// <summary>
/// Expands value sets from the packages, once each: a shipped expansion (hl7.fhir.r4.expansions) is used as is;
/// otherwise <c>compose</c> is evaluated (valueset.html#compose): enumerated concepts, whole code systems we hold
/// completely, filters over them (<see cref="ConceptFilter"/>), included value sets, and excludes of each kind. An
/// include's <c>version</c> is not enforced: the version we hold is used (the packages pin versions they do not ship).
/// </summary>
internal sealed class ValueSetExpander(ConformanceSource source)
{
    private readonly ConcurrentDictionary<string, Lazy<CompiledValueSet>> _valueSets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<CodeSystemContent?>> _codeSystems = new(StringComparer.Ordinal);

    public CompiledValueSet Get(string canonical)
    {
        var url = ConformanceSource.StripVersion(canonical);
        return _valueSets.TryGetValue(url, out var known)
            ? known.Value
            : _valueSets.GetOrAdd(url, key => new Lazy<CompiledValueSet>(() => Expand(key, []))).Value;
    }

    /// <summary>
    /// The code system named by a Coding's <c>system</c>, looked up from the raw UTF-8 (every Coding of every instance
    /// comes here, mostly with systems we do not hold): a known system costs no string.
    /// </summary>
    public CodeSystemContent? GetCodeSystem(JsonElement system)
    {
        var raw = JsonMarshal.GetRawUtf8Value(system);
        if (raw.Length <= 256 && !raw.Contains((byte)'\\'))
        {
            Span<char> buffer = stackalloc char[256];
            var length = Encoding.UTF8.GetChars(raw, buffer);
            if (_codeSystems.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(buffer[..length], out var known))
            {
                return known.Value;
            }
        }

        return GetCodeSystem(system.GetString()!);
    }

    /// <summary>The content of a code system we hold, read once; looked up for every Coding, so the hit allocates nothing.</summary>
    public CodeSystemContent? GetCodeSystem(string system) =>
        _codeSystems.TryGetValue(system, out var known)
            ? known.Value
            : _codeSystems.GetOrAdd(system, key => new Lazy<CodeSystemContent?>(() =>
                source.TryGet(key, out var artifact) && artifact.Entry.ResourceType == "CodeSystem"
                    ? CodeSystemContent.From(artifact.Json)
                    : null)).Value;

    private CompiledValueSet Expand(string url, HashSet<string> visiting)
    {
        var result = new CompiledValueSet(url);
        if (!source.TryGet(url, out var artifact) || artifact.Entry.ResourceType != "ValueSet" || !visiting.Add(url))
        {
            result.IsUnknown = true;
            return result;
        }

        var valueSet = artifact.Json;
        if (valueSet.TryGetProperty("expansion", out var expansion) && expansion.TryGetProperty("contains", out var contains)
            && !IsLimited(expansion))
        {
            AddContains(result, contains);
            result.Freeze();
            return result;
        }

        if (!valueSet.TryGetProperty("compose", out var compose))
        {
            result.IsUnknown = true;
            return result;
        }

        if (compose.TryGetProperty("include", out var includes))
        {
            foreach (var include in includes.EnumerateArray())
            {
                Include(result, include, visiting);
            }
        }

        if (compose.TryGetProperty("exclude", out var excludes))
        {
            foreach (var exclude in excludes.EnumerateArray())
            {
                Exclude(result, exclude, visiting);
            }
        }

        result.Freeze();
        return result;
    }

    /// <summary>
    /// An include (valueset.html#compose): the codes of its system (enumerated, or all / filtered when we hold the
    /// content), intersected with the codes of each of its value sets when it names any.
    /// </summary>
    private void Include(CompiledValueSet result, JsonElement include, HashSet<string> visiting)
    {
        var system = Text(include, "system");
        HashSet<(string System, string Code)>? codes = null;
        if (system is not null)
        {
            if (include.TryGetProperty("concept", out var concepts))
            {
                codes = [];
                foreach (var concept in concepts.EnumerateArray())
                {
                    if (Text(concept, "code") is { } code)
                    {
                        codes.Add((system, code));
                    }
                }
            }
            else if (TrySelect(system, include, out var selected, out var reason))
            {
                codes = [.. selected.Select(code => (system, code))];
            }
            else
            {
                result.Open(system, reason); // membership cannot be decided here: unknown, never a false error
                return;
            }
        }

        if (include.TryGetProperty("valueSet", out var valueSets))
        {
            foreach (var item in valueSets.EnumerateArray())
            {
                var nested = item.GetString() is { } nestedUrl ? Expand(ConformanceSource.StripVersion(nestedUrl), [.. visiting]) : null;
                if (nested is null || nested.IsUnknown)
                {
                    if (system is null)
                    {
                        result.IsUnknown = true;
                    }
                    else
                    {
                        result.Open(system, $"value set {item.GetString()} is not available here");
                    }

                    return;
                }

                foreach (var (openSystem, reason) in nested.OpenSystems)
                {
                    result.Open(openSystem, reason);
                }

                codes = codes is null ? [.. nested.Codes] : [.. codes.Intersect(nested.Codes)];
            }
        }

        foreach (var (codeSystem, code) in codes ?? [])
        {
            result.Add(codeSystem, code);
        }
    }

    /// <summary>
    /// An exclude (valueset.html#compose): its concepts, the codes its filters select, the codes of its value sets, or a
    /// whole system are removed. When what it removes cannot be known here, membership in that system becomes unknown.
    /// </summary>
    private void Exclude(CompiledValueSet result, JsonElement exclude, HashSet<string> visiting)
    {
        var system = Text(exclude, "system");
        if (exclude.TryGetProperty("valueSet", out var valueSets))
        {
            foreach (var item in valueSets.EnumerateArray())
            {
                var nested = item.GetString() is { } nestedUrl ? Expand(ConformanceSource.StripVersion(nestedUrl), [.. visiting]) : null;
                if (nested is null || nested.IsUnknown || nested.OpenSystems.Count > 0)
                {
                    result.IsUnknown = true; // what is left is not known
                    return;
                }

                result.Codes.ExceptWith(nested.Codes);
            }
        }

        if (system is null)
        {
            return;
        }

        if (exclude.TryGetProperty("concept", out var concepts))
        {
            foreach (var concept in concepts.EnumerateArray())
            {
                if (Text(concept, "code") is { } code)
                {
                    result.Codes.Remove((system, code));
                }
            }

            return;
        }

        if (!exclude.TryGetProperty("filter", out _))
        {
            result.Codes.RemoveWhere(c => c.System == system);
            return;
        }

        if (!TrySelect(system, exclude, out var excluded, out var reason))
        {
            result.Open(system, $"an exclude cannot be evaluated: {reason}");
            return;
        }

        result.Codes.RemoveWhere(c => c.System == system && excluded.Contains(c.Code));
    }

    /// <summary>The codes a whole-system or filtered include/exclude selects, when the code system's content allows knowing them.</summary>
    private bool TrySelect(string system, JsonElement component, out HashSet<string> selected, out string reason)
    {
        selected = [];
        var codeSystem = GetCodeSystem(system);
        if (codeSystem is not { IsComplete: true })
        {
            reason = codeSystem is null or { Content: "not-present" or "supplement" }
                ? $"the content of {system} is not held locally"
                : $"only {(codeSystem.Content == "example" ? "an example" : "a fragment")} of {system} is held locally, not its complete content";
            return false;
        }

        if (!component.TryGetProperty("filter", out var filters))
        {
            selected = new HashSet<string>(codeSystem.AllCodes, codeSystem.Comparer);
            reason = "";
            return true;
        }

        if (!ConceptFilter.TryApply(codeSystem, filters, out selected, out var why))
        {
            reason = $"{why} on {system}";
            return false;
        }

        reason = "";
        return true;
    }

    /// <summary>
    /// A shipped expansion cut short (valueset-toocostly, or a limitedExpansion parameter) lists only some codes: it
    /// must not be used to say a code is outside the value set.
    /// </summary>
    private static bool IsLimited(JsonElement expansion)
    {
        if (expansion.TryGetProperty("extension", out var extensions))
        {
            foreach (var extension in extensions.EnumerateArray())
            {
                if (Text(extension, "url") == "http://hl7.org/fhir/StructureDefinition/valueset-toocostly"
                    && extension.TryGetProperty("valueBoolean", out var tooCostly) && tooCostly.ValueKind == JsonValueKind.True)
                {
                    return true;
                }
            }
        }

        if (expansion.TryGetProperty("parameter", out var parameters))
        {
            foreach (var parameter in parameters.EnumerateArray())
            {
                if (Text(parameter, "name") is "limitedExpansion" or "count" or "offset")
                {
                    return true;
                }
            }
        }

        return expansion.TryGetProperty("total", out var total) && total.ValueKind == JsonValueKind.Number
            && expansion.TryGetProperty("contains", out var contains) && total.GetInt32() > contains.GetArrayLength();
    }

    private static void AddContains(CompiledValueSet result, JsonElement contains)
    {
        foreach (var item in contains.EnumerateArray())
        {
            if (Text(item, "system") is { } system && Text(item, "code") is { } code)
            {
                result.Add(system, code);
            }

            if (item.TryGetProperty("contains", out var nested))
            {
                AddContains(result, nested);
            }
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
