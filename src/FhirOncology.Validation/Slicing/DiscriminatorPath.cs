namespace FhirOncology.Validation.Slicing;

/// <summary>
/// A discriminator path (profiling.html#discriminator) split into steps: element names, <c>$this</c>,
/// <c>resolve()</c>, <c>extension('url')</c> and <c>ofType(Type)</c>. Dots inside quotes do not split.
/// </summary>
internal static class DiscriminatorPath
{
    public static List<string> Split(string path)
    {
        var steps = new List<string>();
        var start = 0;
        var inQuote = false;
        var depth = 0;
        for (var i = 0; i < path.Length; i++)
        {
            switch (path[i])
            {
                case '\'':
                    inQuote = !inQuote;
                    break;
                case '(' when !inQuote:
                    depth++;
                    break;
                case ')' when !inQuote:
                    depth--;
                    break;
                case '.' when !inQuote && depth == 0:
                    steps.Add(path[start..i]);
                    start = i + 1;
                    break;
            }
        }

        steps.Add(path[start..]);
        steps.RemoveAll(step => step == "$this" || step.Length == 0);
        return steps;
    }

    /// <summary>The argument of <c>extension('url')</c> or <c>ofType(X)</c>, else null.</summary>
    public static string? Argument(string step, string function)
    {
        if (!step.StartsWith(function + "(", StringComparison.Ordinal) || !step.EndsWith(')'))
        {
            return null;
        }

        return step[(function.Length + 1)..^1].Trim('\'', '"', ' ');
    }
}
