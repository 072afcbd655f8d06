using FhirOncology.Core.Resources;
using Hl7.Fhir.Model;
using Hl7.FhirPath;

namespace FhirOncology.Core.Indexing;

/// <summary>
/// The search parameters of every served type: the core R4 definitions shipped with the SDK, the common
/// parameters every resource has (search.html#all), and our own from conformance/SearchParameters. Built and compiled once at start-up (STYLE.md §6–7).
/// <c>_id</c> and <c>_lastUpdated</c> are answered from the Resource table and are not indexed.
/// </summary>
public sealed class SearchParameterCatalog
{
    private static readonly (string Code, SearchParamType Type, string Expression)[] Common =
    [
        ("_tag", SearchParamType.Token, "meta.tag"),
        ("_security", SearchParamType.Token, "meta.security"),
        ("_profile", SearchParamType.Uri, "meta.profile"),
        ("_source", SearchParamType.Uri, "meta.source"),
    ];

    private readonly Dictionary<string, Dictionary<string, SearchParameterInfo>> _byType = new(StringComparer.Ordinal);

    public SearchParameterCatalog(ResourceTypeRegistry types)
    {
        var compiler = FhirPathCompilers.Create();
        var customs = CustomSearchParameters.Load();
        var byUrl = ModelInfo.SearchParameters.Where(p => p.Url is not null).GroupBy(p => p.Url!).ToDictionary(g => g.Key, g => g.First().Type);
        foreach (var type in types.All)
        {
            var parameters = new Dictionary<string, SearchParameterInfo>(StringComparer.Ordinal);
            foreach (var (code, paramType, expression) in Common)
            {
                parameters[code] = new SearchParameterInfo(type, code, paramType, $"http://hl7.org/fhir/SearchParameter/Resource-{code[1..]}",
                    expression, compiler.Compile(expression), [], []);
            }

            foreach (var definition in ModelInfo.SearchParameters.Where(p => p.Resource == type && !string.IsNullOrEmpty(p.Expression)))
            {
                if (Build(type, definition, compiler, byUrl) is { } parameter)
                {
                    parameters[parameter.Code] = parameter;
                }
            }

            foreach (var custom in customs.Where(c => c.Base.Any(b => b?.ToString() == type)))
            {
                var expression = ExpressionBranches.ForType(custom.Expression ?? "", type)
                    ?? throw new InvalidDataException($"SearchParameter {custom.Url} has no expression branch for {type}.");
                parameters[custom.Code!] = new SearchParameterInfo(type, custom.Code!, custom.Type!.Value, custom.Url!, expression,
                    compiler.Compile(expression), [.. custom.Target.Select(t => t.ToString()!)], []);
            }

            _byType[type] = parameters;
        }

        DefinitionsHash = Hash(_byType.Values.SelectMany(p => p.Values));
    }

    /// <summary>
    /// Identifies the set of indexed parameters and their expressions. When it changes, existing index rows are
    /// stale and the reindex job brings them up to date.
    /// </summary>
    public string DefinitionsHash { get; }

    /// <summary>Bump when extraction itself changes (not only definitions), so existing rows are reindexed.</summary>
    private const string IndexerVersion = "2: token :text and :of-type rows";

    private static string Hash(IEnumerable<SearchParameterInfo> parameters)
    {
        var text = IndexerVersion + "\n" + string.Join('\n', parameters
            .Select(p => $"{p.ResourceType}|{p.Code}|{p.Type}|{p.Expression}|{string.Join(';', p.Components.Select(c => c.Type))}")
            .Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    public IEnumerable<SearchParameterInfo> ForType(string type) =>
        _byType.TryGetValue(type, out var parameters) ? parameters.Values : [];

    public SearchParameterInfo? Find(string type, string code) =>
        _byType.TryGetValue(type, out var parameters) && parameters.TryGetValue(code, out var parameter) ? parameter : null;

    private static SearchParameterInfo? Build(
        string type, SearchParamDefinition definition, FhirPathCompiler compiler, Dictionary<string, SearchParamType> byUrl)
    {
        var expression = ExpressionBranches.ForType(definition.Expression!, type);
        if (expression is null || definition.Type == SearchParamType.Special)
        {
            return null;
        }

        var components = new List<CompositePart>();
        if (definition.Type == SearchParamType.Composite)
        {
            var parts = definition.Component ?? [];
            // Two parts, the first a token: every R4 composite on the served types has this shape (search.html#composite).
            if (parts.Length != 2 || parts.Any(p => p.Definition is null || !byUrl.ContainsKey(p.Definition)) || byUrl[parts[0].Definition!] != SearchParamType.Token)
            {
                return null;
            }

            components.AddRange(parts.Select(p => new CompositePart(byUrl[p.Definition!], compiler.Compile(p.Expression!))));
        }

        return new SearchParameterInfo(type, definition.Code ?? definition.Name!, definition.Type, definition.Url ?? "",
            expression, compiler.Compile(expression), definition.Target?.Select(t => t.ToString()).ToList() ?? [], components);
    }
}
