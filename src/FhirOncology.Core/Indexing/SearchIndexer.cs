using FhirOncology.Core.Resources;
using Hl7.Fhir.FhirPath;
using Hl7.Fhir.Model;
using Hl7.FhirPath;

namespace FhirOncology.Core.Indexing;

/// <summary>
/// Computes a resource's index entries from the core R4 SearchParameter definitions shipped with the SDK. Each
/// FHIRPath expression is compiled once, at construction (STYLE.md §6–7). Only token parameters are indexed so far;
/// the other parameter types are the search issue's (TODO #4).
/// </summary>
public sealed class SearchIndexer
{
    private readonly Dictionary<string, IReadOnlyList<CompiledParameter>> _tokenParameters;

    public SearchIndexer(ResourceTypeRegistry types)
    {
        var compiler = new FhirPathCompiler();
        _tokenParameters = types.All.ToDictionary(
            type => type,
            type => (IReadOnlyList<CompiledParameter>)ModelInfo.SearchParameters
                .Where(p => p.Resource == type && p.Type == SearchParamType.Token && !string.IsNullOrEmpty(p.Expression))
                .Select(p => new CompiledParameter(p.Name!, compiler.Compile(p.Expression!)))
                .ToList(),
            StringComparer.Ordinal);
    }

    /// <summary>Token parameter codes indexed for a type (for the CapabilityStatement and criteria checks).</summary>
    public IEnumerable<string> TokenParameters(string type) =>
        _tokenParameters.TryGetValue(type, out var parameters) ? parameters.Select(p => p.Code) : [];

    public bool IsTokenParameter(string type, string code) => TokenParameters(type).Contains(code, StringComparer.Ordinal);

    public IReadOnlyList<TokenIndexEntry> IndexTokens(Resource resource)
    {
        if (!_tokenParameters.TryGetValue(resource.TypeName, out var parameters))
        {
            return [];
        }

        var node = resource.ToPocoNode();
        var context = new FhirEvaluationContext();
        var entries = new HashSet<TokenIndexEntry>();
        foreach (var parameter in parameters)
        {
            foreach (var value in parameter.Expression(node, context))
            {
                if (value.Poco is { } poco)
                {
                    TokenExtractor.Extract(parameter.Code, poco, entries);
                }
            }
        }

        return [.. entries];
    }

    private sealed record CompiledParameter(string Code, CompiledExpression Expression);
}
