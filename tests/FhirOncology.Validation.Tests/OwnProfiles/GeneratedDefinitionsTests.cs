using System.Security.Cryptography;

namespace FhirOncology.Validation.Tests.OwnProfiles;

/// <summary>
/// profiles/definitions is SUSHI's output for profiles/fsh, committed. profiles/build-profiles.sh writes
/// definitions/GENERATED.sha256 with the hash of every FSH input and JSON output; recomputing it here catches an FSH
/// edit that was not compiled and a hand edit of the generated JSON (profiles/README.md).
/// </summary>
public sealed class GeneratedDefinitionsTests
{
    [Fact]
    public void Definitions_MatchTheirFshSourcesHashes()
    {
        var profiles = Path.Combine(RepositoryRoot(), "profiles");
        var recorded = File.ReadAllLines(Path.Combine(profiles, "definitions", "GENERATED.sha256"))
            .Where(line => line.Length > 0)
            .ToDictionary(line => line[66..], line => line[..64], StringComparer.Ordinal);

        var inputs = Directory.EnumerateFiles(Path.Combine(profiles, "fsh"), "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".fsh", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".txt", StringComparison.Ordinal));
        var outputs = Directory.EnumerateFiles(Path.Combine(profiles, "definitions"), "*.json");
        var actual = inputs.Concat(outputs).ToDictionary(
            f => Path.GetRelativePath(profiles, f).Replace('\\', '/'),
            f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f))),
            StringComparer.Ordinal);

        var stale = actual.Keys.Union(recorded.Keys)
            .Where(path => !recorded.TryGetValue(path, out var hash) || !actual.TryGetValue(path, out var now) || hash != now)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(stale.Count == 0,
            "profiles/definitions is not what profiles/fsh compiles to (run `npm ci && npm run sushi` in profiles/). Changed: " + string.Join(", ", stale));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FhirOncology.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("FhirOncology.sln not found above " + AppContext.BaseDirectory);
    }
}
