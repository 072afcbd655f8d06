using Hl7.Fhir.Model;

namespace FhirOncology.Core.Indexing;

/// <summary>Turns the values a search parameter's FHIRPath selects into token index entries (search.html#token).</summary>
internal static class TokenExtractor
{
    public static void Extract(string paramCode, Base value, ICollection<TokenIndexEntry> into)
    {
        switch (value)
        {
            case CodeableConcept concept:
                foreach (var coding in concept.Coding)
                {
                    Extract(paramCode, coding, into);
                }

                break;
            case Coding coding when !string.IsNullOrEmpty(coding.Code):
                into.Add(new TokenIndexEntry(paramCode, NullIfEmpty(coding.System), coding.Code));
                break;
            case Identifier identifier when !string.IsNullOrEmpty(identifier.Value):
                into.Add(new TokenIndexEntry(paramCode, NullIfEmpty(identifier.System), identifier.Value));
                break;
            case ContactPoint contact when !string.IsNullOrEmpty(contact.Value):
                into.Add(new TokenIndexEntry(paramCode, null, contact.Value));
                break;
            case FhirBoolean boolean when boolean.Value is { } flag:
                into.Add(new TokenIndexEntry(paramCode, null, flag ? "true" : "false"));
                break;
            case PrimitiveType primitive when primitive.JsonValue is not null:
                // code, id, string, uri: the literal value. Enumerated codes carry their wire literal in ToString().
                var literal = primitive.ToString();
                if (!string.IsNullOrEmpty(literal))
                {
                    into.Add(new TokenIndexEntry(paramCode, null, literal));
                }

                break;
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
