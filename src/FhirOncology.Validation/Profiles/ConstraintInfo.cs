using System.Text.Json;
using FhirOncology.Validation.Invariants;
using FhirOncology.Validation.Structure;

namespace FhirOncology.Validation.Profiles;

/// <summary>
/// An <c>ElementDefinition.constraint</c> (conformance-rules.html#constraints), with its native implementation
/// looked up once at compile time (null when FHIRPath must evaluate it).
/// </summary>
internal sealed record ConstraintInfo(string Key, bool IsError, string Human, string Expression, string? Source)
{
    public Func<JsonElement, ResourceScope, bool>? Native { get; } = NativeInvariants.Find(Key, Expression);

    /// <summary>ele-1 is checked structurally (empty objects, valueless primitives) where the walk finds them.</summary>
    public bool IsStructural => Key == "ele-1";
}
