namespace FhirOncology.Validation.Invariants.JsonPath;

/// <summary>What an <see cref="FpItem"/> holds.</summary>
internal enum FpItemKind
{
    Json,
    Boolean,
    Number,
    String,
}
