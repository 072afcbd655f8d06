using FhirOncology.Core.Profiles;
using FhirOncology.Validation;

namespace FhirOncology.Api.Profiles;

/// <summary>
/// Loads the FHIR packages' indexes and our own profiles (Validation:ProfileFolder) while the host starts, so the
/// first write does not pay for it, and a missing package cache or a broken profile stops the server at start-up
/// (fail closed) instead of failing every write.
/// </summary>
internal sealed partial class ValidatorWarmup(IProfileValidator validator, ProfileFolderLoader ownProfiles, ILogger<ValidatorWarmup> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var own = await ownProfiles.EnsureLoadedAsync(cancellationToken);
        if (validator is ProfileValidator loaded)
        {
            LogLoaded(loaded.Source.Count, own, loaded.Source.Packages.Count, loaded.Source.LoadTime.TotalMilliseconds);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Profile validator ready: {Artifacts} conformance resources, {Own} of them our own, the rest from {Packages} FHIR packages whose indexes loaded in {Milliseconds:F0} ms")]
    private partial void LogLoaded(int artifacts, int own, int packages, double milliseconds);
}
