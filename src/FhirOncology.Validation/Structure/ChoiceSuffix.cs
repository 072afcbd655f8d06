namespace FhirOncology.Validation.Structure;

/// <summary>
/// Recognises the type suffix of a choice element's JSON name (json.html#choice: <c>valueQuantity</c>), so that
/// <c>statusReason</c> is never mistaken for a <c>status[x]</c> of type "Reason". The suffixes are the R4 types a
/// choice may take (datatypes.html, the open type list of extensibility.html#extension).
/// </summary>
internal static class ChoiceSuffix
{
    private static readonly HashSet<string> Types = new(StringComparer.Ordinal)
    {
        "Base64Binary", "Boolean", "Canonical", "Code", "Date", "DateTime", "Decimal", "Id", "Instant", "Integer", "Markdown",
        "Oid", "PositiveInt", "String", "Time", "UnsignedInt", "Uri", "Url", "Uuid",
        "Address", "Age", "Annotation", "Attachment", "CodeableConcept", "Coding", "ContactPoint", "Count", "Distance", "Duration",
        "HumanName", "Identifier", "Money", "Period", "Quantity", "Range", "Ratio", "Reference", "SampledData", "Signature",
        "Timing", "ContactDetail", "Contributor", "DataRequirement", "Expression", "ParameterDefinition", "RelatedArtifact",
        "TriggerDefinition", "UsageContext", "Dosage", "Meta",
    };

    /// <summary>The FHIR type code when <paramref name="jsonName"/> is <paramref name="prefix"/> plus a type suffix, else null.</summary>
    public static string? TypeOf(string jsonName, string prefix)
    {
        if (jsonName.Length <= prefix.Length || !jsonName.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var suffix = jsonName[prefix.Length..];
        if (!Types.Contains(suffix))
        {
            return null;
        }

        var primitive = char.ToLowerInvariant(suffix[0]) + suffix[1..];
        return PrimitiveTypes.IsPrimitive(primitive) ? primitive : suffix;
    }
}
