namespace FhirOncology.Validation.Invariants.JsonPath;

/// <summary>
/// A node of a parsed FHIRPath expression (fhirpath.html). <see cref="Receiver"/> is the expression whose result is
/// the input of a member access or function call; null means the current focus.
/// </summary>
internal sealed class FpExpression
{
    public required FpKind Kind { get; init; }

    /// <summary>Member, function, operator, variable or type name.</summary>
    public string Name { get; init; } = "";

    public FpExpression? Receiver { get; init; }

    public IReadOnlyList<FpExpression> Arguments { get; init; } = [];

    public FpItem Literal { get; init; }

    /// <summary>The literal as a one-item collection, built once (results are never mutated).</summary>
    public List<FpItem> LiteralCollection => field ??= [Literal];

    /// <summary>For a member access: the JSON name of the primitive's companion, <c>_name</c>.</summary>
    public string ShadowName => field ??= "_" + Name;

    public byte[] NameUtf8 => field ??= System.Text.Encoding.UTF8.GetBytes(Name);

    public byte[] ShadowNameUtf8 => field ??= System.Text.Encoding.UTF8.GetBytes(ShadowName);
}
