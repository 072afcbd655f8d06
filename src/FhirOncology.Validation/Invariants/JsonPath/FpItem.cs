using System.Globalization;
using System.Text.Json;

namespace FhirOncology.Validation.Invariants.JsonPath;

/// <summary>
/// One item of a FHIRPath collection: a JSON node of the instance (with its FHIR type when known, e.g. from a choice
/// suffix), or a literal / computed boolean, number or string.
/// </summary>
internal readonly record struct FpItem(JsonElement Json, string Type, FpItemKind Kind, string? Text = null, decimal Number = 0, bool Flag = false)
{
    public static FpItem FromJson(JsonElement json, string type) => new(json, type, FpItemKind.Json);

    public static FpItem FromBool(bool value) => new(default, "boolean", FpItemKind.Boolean, Flag: value);

    public static FpItem FromNumber(decimal value) => new(default, "decimal", FpItemKind.Number, Number: value);

    public static FpItem FromString(string value) => new(default, "string", FpItemKind.String, Text: value);

    /// <summary>The primitive value as a literal-like item, or null for complex nodes and valueless primitives.</summary>
    public FpItem? Primitive => Kind != FpItemKind.Json ? this : Json.ValueKind switch
    {
        JsonValueKind.String => FromString(Json.GetString()!),
        JsonValueKind.Number => FromNumber(Json.GetDecimal()),
        JsonValueKind.True => FromBool(true),
        JsonValueKind.False => FromBool(false),
        _ => null,
    };

    public string? AsText() => Primitive switch
    {
        { Kind: FpItemKind.String } p => p.Text,
        { Kind: FpItemKind.Number } p => p.Number.ToString(CultureInfo.InvariantCulture),
        { Kind: FpItemKind.Boolean } p => p.Flag ? "true" : "false",
        _ => null,
    };
}
