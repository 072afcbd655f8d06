using FhirOncology.Core.Errors;
using FhirOncology.Core.Indexing;
using Hl7.Fhir.Model;

namespace FhirOncology.Core.Search;

public sealed partial class SearchQueryParser
{
    /// <summary>One parameter as a clause: <c>_has:…</c>, a chain <c>ref[:Type].inner</c>, or a leaf with its modifier.</summary>
    private SearchClause Clause(IReadOnlyList<string> types, string name, string value)
    {
        if (name.StartsWith("_has:", StringComparison.Ordinal))
        {
            return Has(types, name, value);
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? Chain(types, name[..dot], name[(dot + 1)..], value) : Leaf(types, name, value);
    }

    // search.html#has: _has:Observation:subject:code=1234 (nestable).
    private HasClause Has(IReadOnlyList<string> types, string name, string value)
    {
        var parts = name.Split(':', 4);
        if (parts.Length < 4 || catalog.Find(parts[1], parts[2]) is not { Type: SearchParamType.Reference } reference)
        {
            throw FhirException.BadRequest($"'{name}' must be _has:Type:referenceParameter:parameter with a reference parameter of a served type.");
        }

        if (reference.Targets.Count > 0 && !types.Any(reference.Targets.Contains))
        {
            throw FhirException.BadRequest($"{parts[1]}.{parts[2]} cannot point at {string.Join(" or ", types)}.");
        }

        return new HasClause(parts[1], parts[2], Clause([parts[1]], parts[3], value));
    }

    // search.html#chaining: subject:Patient.name=peter, or subject.name=peter over every target type that has 'name'.
    private ChainClause Chain(IReadOnlyList<string> types, string head, string tail, string value)
    {
        var colon = head.IndexOf(':', StringComparison.Ordinal);
        var code = colon < 0 ? head : head[..colon];
        if (catalog.Find(types[0], code) is not { Type: SearchParamType.Reference } reference)
        {
            throw FhirException.BadRequest($"'{head}' is not a reference parameter of {types[0]}, so it cannot be chained.");
        }

        var candidates = colon < 0 ? reference.Targets : [head[(colon + 1)..]];
        var innerCode = tail.Split(['.', ':'])[0];
        var targets = candidates.Where(t => innerCode is ParameterClause.IdCode or ParameterClause.LastUpdatedCode || catalog.Find(t, innerCode) is not null)
            .ToList();
        if (targets.Count == 0)
        {
            throw FhirException.BadRequest($"No type {head} can point at has a parameter '{innerCode}'.");
        }

        return new ChainClause(code, targets, Clause(targets, tail, value));
    }

    private ParameterClause Leaf(IReadOnlyList<string> types, string name, string value)
    {
        var type = types[0];
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        var code = colon < 0 ? name : name[..colon];
        var modifierText = colon < 0 ? null : name[(colon + 1)..];
        var (paramType, secondType) = code switch
        {
            ParameterClause.IdCode => (SearchParamType.Token, (SearchParamType?)null),
            ParameterClause.LastUpdatedCode => (SearchParamType.Date, null),
            _ => catalog.Find(type, code) is { } parameter && types.All(t => catalog.Find(t, code)?.Type == parameter.Type)
                ? (parameter.Type, parameter.Components.Count == 2 ? parameter.Components[1].Type : null)
                : throw FhirException.BadRequest($"'{code}' is not a search parameter of {string.Join(" and ", types.Take(3))}{(types.Count > 3 ? " and the other types searched" : "")}."),
        };

        if (paramType == SearchParamType.Token && modifierText is "text" or "of-type")
        {
            return TokenVariant(name, code, modifierText, value);
        }

        var (modifier, targetType) = Modifier(name, paramType, modifierText);
        if (modifier == SearchModifier.Missing)
        {
            return value is "true" or "false"
                ? new ParameterClause(code, paramType, modifier, [], Missing: value == "true")
                : throw FhirException.BadRequest($"{name} takes true or false.");
        }

        var values = SearchEscaping.SplitUnescaped(value, ',').Select(v => v.Length == 0
                ? throw FhirException.BadRequest($"'{name}' has an empty value.")
                : SearchValueParser.Parse(name, paramType, v, secondType))
            .ToList();
        if (code == ParameterClause.IdCode && values.Any(v => v is TokenSearchValue { Token.System: not null }))
        {
            throw FhirException.BadRequest("_id takes plain ids, not system|code.");
        }

        return new ParameterClause(code, paramType, modifier, values, targetType);
    }

    /// <summary>
    /// search.html#modifiers: <c>:text</c> matches the text of a CodeableConcept or display of a Coding (string
    /// starts-with); <c>:of-type</c> matches an Identifier by type and value, <c>typeSystem|typeCode|value</c>.
    /// Both are answered from rows the indexer writes under derived codes.
    /// </summary>
    private static ParameterClause TokenVariant(string name, string code, string modifier, string value)
    {
        var parts = SearchEscaping.SplitUnescaped(value, ',').ToList();
        if (parts.Any(p => p.Length == 0))
        {
            throw FhirException.BadRequest($"'{name}' has an empty value.");
        }

        if (modifier == "text")
        {
            return new ParameterClause(code + TokenExtractor.TextSuffix, SearchParamType.String, SearchModifier.None,
                [.. parts.Select(p => SearchValueParser.Parse(name, SearchParamType.String, p))]);
        }

        var values = parts.Select(part => SearchEscaping.SplitUnescaped(part, '|').Select(SearchEscaping.Unescape).ToList() is [var system, var typeCode, var identifier]
                && typeCode.Length > 0 && identifier.Length > 0
                ? new TokenSearchValue(new TokenValue($"{system}|{typeCode}", identifier))
                : throw FhirException.BadRequest($"'{name}={part}' must be typeSystem|typeCode|value."))
            .ToList<SearchValue>();
        return new ParameterClause(code + TokenExtractor.OfTypeSuffix, SearchParamType.Token, SearchModifier.None, values);
    }

    private static (SearchModifier Modifier, string? TargetType) Modifier(string name, SearchParamType type, string? modifier) => (modifier, type) switch
    {
        (null, _) => (SearchModifier.None, null),
        ("missing", _) => (SearchModifier.Missing, null),
        ("exact", SearchParamType.String) => (SearchModifier.Exact, null),
        ("contains", SearchParamType.String) => (SearchModifier.Contains, null),
        ("not", SearchParamType.Token) => (SearchModifier.Not, null),
        ("below", SearchParamType.Uri) => (SearchModifier.Below, null),
        ("above", SearchParamType.Uri) => (SearchModifier.Above, null),
        (var target, SearchParamType.Reference) when ModelInfo.IsKnownResource(target) => (SearchModifier.TypeFilter, target),
        _ => throw FhirException.BadRequest($"Modifier ':{modifier}' is not supported on '{name}' ({type.ToString().ToLowerInvariant()})."),
    };
}
