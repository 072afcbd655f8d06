using Hl7.Fhir.Model;
using Hl7.FhirPath;

namespace FhirOncology.Core.Indexing;

/// <summary>
/// Composite values (search.html#composite): for each context node the parameter selects (the Observation, or
/// each Observation.component), every token of the first part paired with every value of the second.
/// </summary>
internal static class CompositeExtractor
{
    public static void Extract(SearchParameterInfo parameter, PocoNode contextNode, EvaluationContext context, SearchIndexEntries into)
    {
        var first = new SearchIndexEntries();
        var second = new SearchIndexEntries();
        foreach (var value in parameter.Components[0].Compiled(contextNode, context))
        {
            if (value.Poco is { } poco)
            {
                TokenExtractor.Extract(parameter.Code, poco, first.Tokens);
            }
        }

        foreach (var value in parameter.Components[1].Compiled(contextNode, context))
        {
            if (value.Poco is { } poco)
            {
                SearchIndexer.Extract(parameter.Components[1].Type, parameter.Code, poco, second);
            }
        }

        foreach (var token in first.Tokens)
        {
            foreach (var other in second.Tokens)
            {
                into.Composites.Add(new CompositeIndexEntry(parameter.Code, token.System, token.Code, System2: other.System, Code2: other.Code));
            }

            foreach (var quantity in second.Quantities)
            {
                into.Composites.Add(new CompositeIndexEntry(parameter.Code, token.System, token.Code,
                    System2: quantity.System, Code2: quantity.Code, Low2: quantity.Low, High2: quantity.High));
            }

            foreach (var text in second.Strings)
            {
                into.Composites.Add(new CompositeIndexEntry(parameter.Code, token.System, token.Code, Text2: text.Value));
            }

            foreach (var date in second.Dates)
            {
                into.Composites.Add(new CompositeIndexEntry(parameter.Code, token.System, token.Code, Start2: date.Start, End2: date.End));
            }
        }
    }
}
