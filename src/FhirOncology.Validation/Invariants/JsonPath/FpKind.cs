namespace FhirOncology.Validation.Invariants.JsonPath;

/// <summary>The kinds of node in the FHIRPath subset evaluated directly on JSON.</summary>
internal enum FpKind
{
    Literal,
    This,
    Variable,
    Member,
    Function,
    Binary,
    Index,
    TypeTest,
    TypeCast,
}
