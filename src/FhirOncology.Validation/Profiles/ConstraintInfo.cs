using System.Text.Json;
using FhirOncology.Validation.Invariants;
using FhirOncology.Validation.Invariants.JsonPath;
using FhirOncology.Validation.Structure;

namespace FhirOncology.Validation.Profiles;

/// <summary>
/// An <c>ElementDefinition.constraint</c> (conformance-rules.html#constraints), with its native implementation
/// looked up once at compile time, or else its expression compiled for evaluation on JSON when it stays within
/// that FHIRPath subset; otherwise the SDK's FHIRPath engine evaluates it on the POCO.
/// </summary>
internal sealed record ConstraintInfo(string Key, bool IsError, string Human, string Expression, string? Source)
{
    public Func<JsonElement, ResourceScope, bool>? Native { get; } = NativeInvariants.Find(Key, Expression);

    /// <summary>The expression compiled for evaluation on JSON, when it stays within that subset of FHIRPath.</summary>
    public FpExpression? OnJson { get; } = FpCompiler.TryCompile(Expression);

    /// <summary>ele-1 is checked structurally (empty objects, valueless primitives) where the walk finds them.</summary>
    public bool IsStructural => Key == "ele-1";
}
