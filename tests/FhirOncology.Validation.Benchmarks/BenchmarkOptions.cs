using System.Globalization;
using FhirOncology.Validation.Packages;

namespace FhirOncology.Validation.Benchmarks;

/// <summary>
/// Command-line options: <c>--rounds N</c>, <c>--warmup N</c>, <c>--package name@version</c>, and
/// <c>--invariants sdk</c> to send every invariant to the SDK's FHIRPath engine (the path native and JSON-subset
/// invariants normally avoid), to measure that path.
/// </summary>
internal sealed record BenchmarkOptions(int Rounds, int WarmupRounds, FhirPackageId Package, bool SdkInvariants = false)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions(30, 20, new FhirPackageId("hl7.fhir.us.mcode", "4.0.0"));
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options = args[i] switch
            {
                "--rounds" => options with { Rounds = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--warmup" => options with { WarmupRounds = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--invariants" when args[i + 1] is "sdk" or "default" => options with { SdkInvariants = args[i + 1] == "sdk" },
                "--package" when args[i + 1].Split('@') is [var name, var version] => options with { Package = new FhirPackageId(name, version) },
                _ => throw new ArgumentException($"Unknown option {args[i]}; use --rounds N, --warmup N, --package name@version, --invariants sdk|default."),
            };
        }

        return options;
    }

    /// <summary>The validation context the measurement uses.</summary>
    public ValidationContext Context => SdkInvariants ? new ValidationContext { SdkInvariantsOnly = true } : ValidationContext.Default;
}
