namespace FhirOncology.Validation.Structure;

/// <summary>The FHIR primitive types (datatypes.html#primitive) and how each is represented in JSON (json.html#primitive).</summary>
internal static class PrimitiveTypes
{
    private static readonly HashSet<string> Primitives = new(StringComparer.Ordinal)
    {
        "boolean", "integer", "integer64", "string", "decimal", "uri", "url", "canonical", "base64Binary", "instant",
        "date", "dateTime", "time", "code", "oid", "id", "markdown", "unsignedInt", "positiveInt", "uuid", "xhtml",
    };

    public static bool IsPrimitive(string typeCode) => Primitives.Contains(typeCode);

    public static bool IsBoolean(string typeCode) => typeCode == "boolean";

    public static bool IsNumber(string typeCode) =>
        typeCode is "integer" or "decimal" or "unsignedInt" or "positiveInt";

    public static bool IsResourceType(string typeCode) => typeCode is "Resource" or "DomainResource";
}
