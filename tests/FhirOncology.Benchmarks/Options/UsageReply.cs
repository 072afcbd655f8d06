namespace FhirOncology.Benchmarks.Options;

/// <summary>
/// The answer to arguments that did not parse, shared by every mode: the problem and the usage on stderr with exit
/// code 2, or, for --help (no problem), the usage on stdout with exit code 0.
/// </summary>
internal static class UsageReply
{
    public static int Write(string? problem, string usage)
    {
        var output = problem is null ? Console.Out : Console.Error;
        if (problem is not null)
        {
            output.WriteLine(problem);
            output.WriteLine();
        }

        output.WriteLine(usage);
        return problem is null ? 0 : 2;
    }
}
