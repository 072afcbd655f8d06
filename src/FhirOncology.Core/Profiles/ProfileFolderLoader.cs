using FhirOncology.Validation.Packages;
using Microsoft.Extensions.Options;

namespace FhirOncology.Core.Profiles;

/// <summary>
/// Adds our own conformance resources (<see cref="ValidationOptions.ProfileFolder"/>) to the validator's
/// <see cref="ConformanceSource"/>, once: their snapshots are generated from the differentials (profiling.html#snapshot)
/// against the packages. The host starts it (fail closed at start-up); every validation awaits it, so no resource
/// claiming one of our profiles is ever checked without it.
/// </summary>
public sealed class ProfileFolderLoader(ConformanceSource source, IOptions<ValidationOptions> options)
{
    private readonly Lazy<Task<int>> _load = new(() => LoadAsync(source, options.Value.ProfileFolder));

    /// <summary>
    /// Loads the folder the first time, then completes at once: the number of conformance resources it added. Throws,
    /// every time, if loading failed.
    /// </summary>
    public Task<int> EnsureLoadedAsync(CancellationToken ct) => _load.Value.WaitAsync(ct);

    // Shared by every caller, so one caller's cancellation must not cancel it (WaitAsync only stops that caller waiting).
    private static async Task<int> LoadAsync(ConformanceSource source, string? folder)
    {
        if (string.IsNullOrEmpty(folder))
        {
            return 0;
        }

        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException(
                $"Validation:ProfileFolder {folder} does not exist (our profiles are copied from profiles/definitions next to the binaries).");
        }

        var before = source.Count;
        await source.AddFolderAsync(folder, CancellationToken.None);
        return source.Count - before;
    }
}
