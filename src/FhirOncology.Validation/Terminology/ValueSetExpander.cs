using System.Collections.Concurrent;
using System.Text.Json;
using FhirOncology.Validation.Packages;

namespace FhirOncology.Validation.Terminology;

/// <summary>
/// Expands value sets from the packages, once each: a shipped expansion (hl7.fhir.r4.expansions) is used as is;
/// otherwise <c>compose</c> is evaluated (valueset.html#compose): enumerated concepts, whole code systems we hold
/// completely, <c>is-a</c>/<c>descendent-of</c>/<c>=</c> filters over their hierarchy, included value sets, and excludes.
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

    public CodeSystemContent? GetCodeSystem(string system) =>
        _codeSystems.GetOrAdd(system, key => new Lazy<CodeSystemContent?>(() =>
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
                var system = Text(exclude, "system");
                if (system is not null && exclude.TryGetProperty("concept", out var concepts))
                {
                    foreach (var concept in concepts.EnumerateArray())
                    {
                        if (Text(concept, "code") is { } code)
                        {
                            result.Codes.Remove((system, code));
                        }
                    }
                }
            }
        }

        return result;
    }

    private void Include(CompiledValueSet result, JsonElement include, HashSet<string> visiting)
    {
        var system = Text(include, "system");
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
                        result.OpenSystems.Add(system);
                    }

                    continue;
                }

                Merge(result, nested);
            }

            if (system is null)
            {
                return;
            }
        }

        if (system is null)
        {
            return;
        }

        if (include.TryGetProperty("concept", out var concepts))
        {
            foreach (var concept in concepts.EnumerateArray())
            {
                if (Text(concept, "code") is { } code)
                {
                    result.Add(system, code);
                }
            }

            return;
        }

        var codeSystem = GetCodeSystem(system);
        if (codeSystem is not { IsComplete: true })
        {
            result.OpenSystems.Add(system); // content we do not hold: membership cannot be decided here
            return;
        }

        if (!include.TryGetProperty("filter", out var filters))
        {
            foreach (var code in codeSystem.AllCodes)
            {
                result.Add(system, code);
            }

            return;
        }

        if (!codeSystem.TryFilter(filters, out var selected))
        {
            result.OpenSystems.Add(system);
            return;
        }

        foreach (var code in selected)
        {
            result.Add(system, code);
        }
    }

    private static void Merge(CompiledValueSet target, CompiledValueSet nested)
    {
        foreach (var (system, code) in nested.Codes)
        {
            target.Add(system, code);
        }

        target.CodesAnySystem.UnionWith(nested.CodesAnySystem);
        target.OpenSystems.UnionWith(nested.OpenSystems);
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
