using System.Collections.Concurrent;

namespace FhirOncology.Validation.Invariants.JsonPath;

/// <summary>Compiles each distinct invariant expression once (many profiles repeat the same core constraints).</summary>
internal static class FpCompiler
{
    private static readonly ConcurrentDictionary<string, FpExpression?> Compiled = new(StringComparer.Ordinal);

    public static FpExpression? TryCompile(string expression) =>
        Compiled.GetOrAdd(expression, static text =>
        {
            try
            {
                return FpParser.Parse(text);
            }
            catch (FhirPathSubsetException)
            {
                return null;
            }
        });
}
