using System.Globalization;
using FhirOncology.Validation.Packages;

namespace FhirOncology.Validation.Benchmarks;

/// <summary>Prints the figures the issue asks for.</summary>
internal static class Report
{
    public static void Write(
        TextWriter output, BenchmarkOptions options, ConformanceSource source, List<CorpusFile> corpus, ColdStart coldStart,
        ValidationMeasurement measurement)
    {
        var validate = measurement.ValidateMicroseconds;
        var parse = measurement.ParseMicroseconds;
        var resourcesPerSecond = validate.Count / measurement.ValidateTotal.TotalSeconds;
        output.WriteLine(Invariant($"Corpus: {options.Package} examples, {corpus.Count} files, {options.Rounds} rounds after {options.WarmupRounds} warm-up rounds, single thread{(options.SdkInvariants ? ", every invariant by the SDK FHIRPath engine" : "")}"));
        output.WriteLine(Invariant($"Packages: {source.Packages.Count} packages, {source.Count} canonical resources, index load {source.LoadTime.TotalMilliseconds:F0} ms"));
        output.WriteLine(Invariant($"Cold start: process start -> first validation {coldStart.SinceProcessStart.TotalMilliseconds:F0} ms (Main -> first validation {coldStart.SinceMain.TotalMilliseconds:F0} ms; package load + first validation {coldStart.LoadAndFirst.TotalMilliseconds:F0} ms)"));
        output.WriteLine(Invariant($"Validate:   median {Percentile(validate, 0.50),8:F1} us   p99 {Percentile(validate, 0.99),9:F1} us   mean {validate.Average(),8:F1} us   {resourcesPerSecond:F0} resources/s"));
        output.WriteLine(Invariant($"JSON parse: median {Percentile(parse, 0.50),8:F1} us   p99 {Percentile(parse, 0.99),9:F1} us   mean {parse.Average(),8:F1} us   (System.Text.Json JsonDocument, same files, same run)"));
        output.WriteLine(Invariant($"Ratio validate/parse: median {Percentile(validate, 0.50) / Percentile(parse, 0.50):F1}x   mean {validate.Average() / parse.Average():F1}x"));
        output.WriteLine(Invariant($"Findings per pass: {measurement.Issues} issues, {measurement.Errors} errors"));
    }

    private static double Percentile(List<double> samples, double quantile)
    {
        var sorted = samples.Order().ToList();
        var index = (int)Math.Ceiling(quantile * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
