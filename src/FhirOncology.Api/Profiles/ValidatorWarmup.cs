using FhirOncology.Validation;

namespace FhirOncology.Api.Profiles;

/// <summary>
/// Loads the FHIR packages' indexes while the host starts, so the first write does not pay for it and a missing
/// package cache stops the server at start-up (fail closed) instead of failing every write.
/// </summary>
internal sealed partial class ValidatorWarmup(IProfileValidator validator, ILogger<ValidatorWarmup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (validator is ProfileValidator loaded)
        {
            LogLoaded(loaded.Source.Count, loaded.Source.Packages.Count, loaded.Source.LoadTime.TotalMilliseconds);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Profile validator ready: {Artifacts} conformance resources from {Packages} FHIR packages in {Milliseconds:F0} ms")]
    private partial void LogLoaded(int artifacts, int packages, double milliseconds);
}
