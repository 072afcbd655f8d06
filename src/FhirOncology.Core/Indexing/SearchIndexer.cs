using Hl7.Fhir.FhirPath;
using Hl7.Fhir.Model;

namespace FhirOncology.Core.Indexing;

/// <summary>
/// Computes a resource's search-index entries for every parameter in the <see cref="SearchParameterCatalog"/>.
/// Runs on every write, inside the write's transaction (STYLE.md §6); an indexing failure fails the write.
/// </summary>
public sealed class SearchIndexer(SearchParameterCatalog catalog)
{
    public SearchIndexEntries Index(Resource resource)
    {
        var entries = new SearchIndexEntries();
        var node = resource.ToPocoNode();
        var context = new FhirEvaluationContext();
        foreach (var parameter in catalog.ForType(resource.TypeName))
        {
            foreach (var value in parameter.Compiled(node, context))
            {
                if (parameter.Type == SearchParamType.Composite)
                {
                    CompositeExtractor.Extract(parameter, value, context, entries);
                }
                else if (value.Poco is { } poco)
                {
                    Extract(parameter.Type, parameter.Code, poco, entries);
                }
            }
        }

        return entries;
    }

    internal static void Extract(SearchParamType type, string code, Base value, SearchIndexEntries into)
    {
        switch (type)
        {
            case SearchParamType.Token:
                TokenExtractor.Extract(code, value, into.Tokens, into);
                break;
            case SearchParamType.String:
                StringExtractor.Extract(code, value, into);
                break;
            case SearchParamType.Date:
                DateExtractor.Extract(code, value, into);
                break;
            case SearchParamType.Reference:
                ValueExtractors.Reference(code, value, into);
                break;
            case SearchParamType.Quantity:
                ValueExtractors.Quantity(code, value, into);
                break;
            case SearchParamType.Number:
                ValueExtractors.Number(code, value, into);
                break;
            case SearchParamType.Uri:
                ValueExtractors.Uri(code, value, into);
                break;
        }
    }
}
