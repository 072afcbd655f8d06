using System.Diagnostics;
using System.Text.Json;

namespace FhirOncology.Validation.Benchmarks;

/// <summary>
/// Warm, single-threaded timings: every round validates each file once and parses it once with
/// <see cref="JsonDocument"/>, so both figures see the same machine state and their ratio is meaningful.
/// </summary>
internal sealed class ValidationMeasurement(ProfileValidator validator, List<CorpusFile> corpus, ValidationContext context)
{
    public List<double> ValidateMicroseconds { get; } = [];

    public List<double> ParseMicroseconds { get; } = [];

    public TimeSpan ValidateTotal { get; private set; }

    public int Errors { get; private set; }

    public int Issues { get; private set; }

    public ValidationMeasurement Run(int rounds, int warmupRounds)
    {
        for (var round = 0; round < warmupRounds; round++)
        {
            foreach (var file in corpus)
            {
                validator.Validate(file.Json, null, context);
                using var _ = JsonDocument.Parse(file.Json);
            }
        }

        var total = TimeSpan.Zero;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var file in corpus)
            {
                var start = Stopwatch.GetTimestamp();
                using (JsonDocument.Parse(file.Json))
                {
                }

                ParseMicroseconds.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
                start = Stopwatch.GetTimestamp();
                var report = validator.Validate(file.Json, null, context);
                var elapsed = Stopwatch.GetElapsedTime(start);
                total += elapsed;
                ValidateMicroseconds.Add(elapsed.TotalMicroseconds);
                if (round == 0)
                {
                    Issues += report.Issues.Count;
                    Errors += report.Errors.Count();
                }
            }
        }

        ValidateTotal = total;
        return this;
    }
}
