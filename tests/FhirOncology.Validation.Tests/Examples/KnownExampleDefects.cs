namespace FhirOncology.Validation.Tests.Examples;

/// <summary>
/// Package examples that truly break a FHIR rule, each with the rule and the location of the error the validator must
/// report (and no other error). Empty entries are not allowed: every exception is justified here.
/// </summary>
public static class KnownExampleDefects
{
    private static readonly Dictionary<string, KnownDefect> Defects = new(StringComparer.Ordinal)
    {
    };

    public static KnownDefect? For(string file) => Defects.GetValueOrDefault(file);
}
