using Hl7.Fhir.Model;

namespace FhirOncology.Core.Indexing;

/// <summary>String parameter values (search.html#string): names and addresses index each of their parts.</summary>
internal static class StringExtractor
{
    public static void Extract(string paramCode, Base value, SearchIndexEntries into)
    {
        switch (value)
        {
            case HumanName name:
                Add(paramCode, name.Text, into);
                Add(paramCode, name.Family, into);
                foreach (var part in name.Given.Concat(name.Prefix).Concat(name.Suffix))
                {
                    Add(paramCode, part, into);
                }

                break;
            case Address address:
                Add(paramCode, address.Text, into);
                foreach (var part in address.Line.Append(address.City).Append(address.District).Append(address.State)
                             .Append(address.PostalCode).Append(address.Country))
                {
                    Add(paramCode, part, into);
                }

                break;
            case PrimitiveType primitive:
                Add(paramCode, primitive.ToString(), into);
                break;
        }
    }

    private static void Add(string paramCode, string? text, SearchIndexEntries into)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            into.Strings.Add(new StringIndexEntry(paramCode, StringNormalizer.Normalize(text), StringNormalizer.Truncate(text)));
        }
    }
}
