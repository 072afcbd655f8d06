using FhirOncology.Validation.Invariants.JsonPath;

namespace FhirOncology.Validation.Profiles;

/// <summary>
/// Where an extension may be used (<c>StructureDefinition.context</c>, defining-extensions.html#context); also the type
/// of a <c>contextInvariant</c>, which is a fhirpath expression as well.
/// </summary>
internal sealed record ExtensionContext(string Type, string Expression)
{
    /// <summary>A <c>fhirpath</c> context compiled once for evaluation on JSON, when it stays within that subset.</summary>
    public FpExpression? OnJson { get; } = Type == "fhirpath" ? FpCompiler.TryCompile(Expression) : null;
}
