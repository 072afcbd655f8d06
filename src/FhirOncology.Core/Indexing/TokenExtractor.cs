using Hl7.Fhir.Model;

namespace FhirOncology.Core.Indexing;

/// <summary>Turns the values a search parameter's FHIRPath selects into token index entries (search.html#token).</summary>
internal static class TokenExtractor
{
    /// <summary>Suffix of the string rows that answer <c>:text</c> (search.html#modifiers): CodeableConcept.text, Coding.display.</summary>
    public const string TextSuffix = ":text";

    /// <summary>
    /// Suffix of the token rows that answer <c>identifier:of-type=typeSystem|typeCode|value</c>: System holds
    /// "typeSystem|typeCode", Code the identifier's value.
    /// </summary>
    public const string OfTypeSuffix = ":of-type";

    /// <summary>Tokens only (composite parts).</summary>
    public static void Extract(string paramCode, Base value, ICollection<TokenIndexEntry> into) => Extract(paramCode, value, into, null);

    /// <summary>Tokens, with the texts for :text added to <paramref name="texts"/> when given.</summary>
    public static void Extract(string paramCode, Base value, ICollection<TokenIndexEntry> into, SearchIndexEntries? texts)
    {
        switch (value)
        {
            case CodeableConcept concept:
                AddText(paramCode, concept.Text, texts);
                foreach (var coding in concept.Coding)
                {
                    Extract(paramCode, coding, into, texts);
                }

                break;
            case Coding coding when !string.IsNullOrEmpty(coding.Code):
                into.Add(new TokenIndexEntry(paramCode, NullIfEmpty(coding.System), coding.Code));
                AddText(paramCode, coding.Display, texts);
                break;
            case Identifier identifier when !string.IsNullOrEmpty(identifier.Value):
                into.Add(new TokenIndexEntry(paramCode, NullIfEmpty(identifier.System), identifier.Value));
                AddText(paramCode, identifier.Type?.Text, texts);
                foreach (var type in identifier.Type?.Coding ?? [])
                {
                    into.Add(new TokenIndexEntry(paramCode + OfTypeSuffix, $"{type.System}|{type.Code}", identifier.Value));
                }

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

    private static void AddText(string paramCode, string? text, SearchIndexEntries? texts)
    {
        if (texts is not null && !string.IsNullOrWhiteSpace(text))
        {
            texts.Strings.Add(new StringIndexEntry(paramCode + TextSuffix, StringNormalizer.Normalize(text), StringNormalizer.Truncate(text)));
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
