using System.Collections.Concurrent;
using Hl7.Fhir.FhirPath;
using Hl7.FhirPath;
using Hl7.FhirPath.Expressions;

namespace FhirOncology.Validation.Invariants;

/// <summary>
/// The SDK's FHIRPath compiler with the FHIR-specific functions (hasValue, resolve, htmlChecks, memberOf…) on top of
/// standard FHIRPath; every distinct expression is compiled once and kept for the life of the process.
/// </summary>
internal static class SdkFhirPath
{
    private static readonly FhirPathCompiler Compiler = new(new SymbolTable().AddStandardFP().AddFhirExtensions());
    private static readonly ConcurrentDictionary<string, Lazy<CompiledExpression?>> Compiled = new(StringComparer.Ordinal);

    /// <summary>The compiled expression, or null when it does not compile (the caller reports it as not evaluated).</summary>
    public static CompiledExpression? Compile(string expression) =>
        Compiled.GetOrAdd(expression, static text => new Lazy<CompiledExpression?>(() =>
        {
            try
            {
                return Compiler.Compile(text);
            }
            catch (Exception exception) when (exception is FormatException or InvalidOperationException or ArgumentException)
            {
                return null;
            }
        })).Value;
}
