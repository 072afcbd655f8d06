namespace FhirOncology.Validation.Terminology;

/// <summary>
/// One concept of a code system we hold (codesystem.html#CodeSystem.concept): its display and designations, its
/// property values as text, and its place in the hierarchy (nesting, or parent/child/subsumedBy properties).
/// </summary>
internal sealed class Concept(string code, string? display)
{
    public string Code { get; } = code;

    public string? Display { get; } = display;

    public List<string> Designations { get; } = [];

    /// <summary>Property values by property code, as text (valueCode, valueCoding.code, valueBoolean "true"…).</summary>
    public Dictionary<string, List<string>> Properties { get; } = new(StringComparer.Ordinal);

    public List<string> Parents { get; } = [];

    public List<string> Children { get; } = [];

    public void AddProperty(string property, string value)
    {
        if (!Properties.TryGetValue(property, out var values))
        {
            Properties[property] = values = new List<string>(1);
        }

        values.Add(value);
    }

    /// <summary>
    /// Does a Coding's display fit? The display or any designation, ignoring case and runs of white space — the
    /// leniency the HL7 validator allows before it warns about a wrong display.
    /// </summary>
    public bool AcceptsDisplay(string display)
    {
        if (string.Equals(Display, display, StringComparison.OrdinalIgnoreCase))
        {
            return true; // the common case, without normalising
        }

        var wanted = Normalise(display);
        return (Display is not null && Normalise(Display) == wanted) || Designations.Exists(d => Normalise(d) == wanted);
    }

    private static string Normalise(string text) =>
        string.Join(' ', text.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
}
