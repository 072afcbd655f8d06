using System.Diagnostics;
using FhirOncology.Validation;
using FhirOncology.Validation.Benchmarks;
using FhirOncology.Validation.Packages;

// Validator benchmark (issue #3). Command (from the repository root):
//   dotnet run -c Release --project tests/FhirOncology.Validation.Benchmarks -- [--rounds 30] [--package hl7.fhir.us.mcode@4.0.0] [--invariants sdk]
// Cold start: process start -> first validation report, including package index load and first profile compile.
var mainEntered = Stopwatch.GetTimestamp();
var options = BenchmarkOptions.Parse(args);
var processStart = Process.GetCurrentProcess().StartTime.ToUniversalTime();

var load = Stopwatch.StartNew();
var source = ConformanceSource.FromManifest(Path.Combine(AppContext.BaseDirectory, "fhir-packages.json"));
var validator = new ProfileValidator(source);
var corpus = BenchmarkCorpus.Load(options.Package);
var first = validator.Validate(corpus[0].Json);
var coldToFirst = Stopwatch.GetElapsedTime(mainEntered);
var sinceProcessStart = DateTime.UtcNow - processStart;
var loadToFirst = load.Elapsed;
_ = first;

var measurement = new ValidationMeasurement(validator, corpus, options.Context).Run(options.Rounds, options.WarmupRounds);
Report.Write(Console.Out, options, source, corpus, new ColdStart(sinceProcessStart, coldToFirst, loadToFirst), measurement);
