using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using FhirOncology.Validation.Snapshots;

namespace FhirOncology.Validation.Packages;

/// <summary>
/// Every StructureDefinition, ValueSet and CodeSystem the validator may need, by canonical URL: the FHIR packages of
/// the manifest (through their indexes) plus our own conformance resources added at start-up. When two sources
/// define the same canonical, the one loaded later wins (manifest order, then local resources).
/// </summary>
public sealed class ConformanceSource
{
    private static readonly HashSet<string> IndexedTypes = new(StringComparer.Ordinal)
    {
        "StructureDefinition", "ValueSet", "CodeSystem",
    };

    private readonly ConcurrentDictionary<string, ConformanceArtifact> _byUrl = new(StringComparer.Ordinal);

    // Every canonical resource of the packages (Questionnaire, PlanDefinition, Library… too), by url: its type only,
    // read from the indexes, so a canonical element's target type can be checked without loading anything.
    private readonly ConcurrentDictionary<string, string> _canonicalTypes = new(StringComparer.Ordinal);
    private readonly List<string> _warnings = [];

    private ConformanceSource()
    {
    }

    /// <summary>Time spent reading the package indexes.</summary>
    public TimeSpan LoadTime { get; private set; }

    public IReadOnlyList<FhirPackageId> Packages { get; private set; } = [];

    /// <summary>Problems met while loading local resources that did not stop them from loading.</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>Number of canonical resources known.</summary>
    public int Count => _byUrl.Count;

    /// <summary>Loads the packages of a manifest (<c>profiles/fhir-packages.json</c>) from the FHIR package cache.</summary>
    public static ConformanceSource FromManifest(string manifestPath, string? cacheRoot = null) =>
        FromPackages(FhirPackageManifest.Load(manifestPath), cacheRoot ?? FhirPackageCache.DefaultPath);

    public static ConformanceSource FromPackages(IEnumerable<FhirPackageId> packages, string cacheRoot)
    {
        var stopwatch = Stopwatch.StartNew();
        var source = new ConformanceSource { Packages = packages.ToList() };
        foreach (var package in source.Packages)
        {
            var folder = FhirPackageCache.PackageFolder(cacheRoot, package);
            if (!Directory.Exists(folder))
            {
                throw new DirectoryNotFoundException(
                    $"FHIR package {package} is not in the cache at {cacheRoot}; run profiles/restore-packages.sh (or build, which runs it).");
            }

            foreach (var entry in PackageIndex.Load(folder))
            {
                if (entry.Url is not null)
                {
                    source._canonicalTypes[entry.Url] = entry.ResourceType;
                }

                if (entry.Url is not null && IndexedTypes.Contains(entry.ResourceType))
                {
                    var path = Path.Combine(folder, entry.FileName);
                    source._byUrl[entry.Url] = new ConformanceArtifact(entry, package.ToString(), () => File.ReadAllBytes(path));
                }
            }
        }

        source.LoadTime = stopwatch.Elapsed;
        return source;
    }

    /// <summary>
    /// Adds one of our own conformance resources (JSON). A StructureDefinition that has only a differential gets its
    /// snapshot from the Firely SnapshotGenerator, against the packages already loaded (profiling.html#snapshot).
    /// </summary>
    public async Task AddResourceAsync(string json, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var probe = JsonDocument.Parse(json);
        var root = probe.RootElement.Clone();
        var resourceType = root.TryGetProperty("resourceType", out var rt) ? rt.GetString() : null;
        var url = root.TryGetProperty("url", out var u) ? u.GetString() : null;
        if (resourceType is null || url is null || !IndexedTypes.Contains(resourceType))
        {
            throw new ArgumentException("Expected a StructureDefinition, ValueSet or CodeSystem with a url.", nameof(json));
        }

        var bytes = resourceType == "StructureDefinition" && !root.TryGetProperty("snapshot", out _)
            ? await SnapshotBuilder.WithSnapshotAsync(json, this, _warnings)
            : System.Text.Encoding.UTF8.GetBytes(json);
        var entry = new PackageIndexEntry(
            "local", resourceType, Text(root, "id"), url, Text(root, "version"), Text(root, "kind"), Text(root, "type"));
        _byUrl[url] = new ConformanceArtifact(entry, "local", () => bytes);
        _canonicalTypes[url] = resourceType;
    }

    /// <summary>
    /// Adds every <c>*.json</c> conformance resource of a folder: terminology first, then StructureDefinitions in
    /// dependency order (a profile whose base or type profiles are not loaded yet is retried after the others).
    /// </summary>
    public async Task AddFolderAsync(string folder, CancellationToken cancellationToken)
    {
        var pending = Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .Where(IsConformance)
            .OrderBy(text => text.Contains("\"StructureDefinition\"", StringComparison.Ordinal) ? 1 : 0)
            .ToList();
        while (pending.Count > 0)
        {
            var failed = new List<(string Text, Exception Error)>();
            foreach (var text in pending)
            {
                try
                {
                    await AddResourceAsync(text, cancellationToken);
                }
                catch (InvalidDataException exception)
                {
                    failed.Add((text, exception));
                }
            }

            if (failed.Count == pending.Count)
            {
                throw new InvalidDataException(string.Join(Environment.NewLine, failed.Select(f => f.Error.Message)));
            }

            pending = failed.Select(f => f.Text).ToList();
        }
    }

    /// <summary>True when a canonical URL (optionally <c>|version</c>) is known.</summary>
    public bool Contains(string canonical) => _byUrl.ContainsKey(StripVersion(canonical));

    internal bool TryGet(string canonical, out ConformanceArtifact artifact) =>
        _byUrl.TryGetValue(StripVersion(canonical), out artifact!);

    internal IEnumerable<ConformanceArtifact> Artifacts => _byUrl.Values;

    /// <summary>
    /// The resource type of a canonical resource held in the packages or added locally (references.html#canonical:
    /// <c>url|version</c>, the version ignored), or null when we do not hold it.
    /// </summary>
    internal string? CanonicalType(string canonical) => _canonicalTypes.GetValueOrDefault(StripVersion(canonical));

    internal static string StripVersion(string canonical)
    {
        var bar = canonical.IndexOf('|', StringComparison.Ordinal);
        return bar < 0 ? canonical : canonical[..bar];
    }

    private static bool IsConformance(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty("resourceType", out var rt)
            && rt.GetString() is { } type && IndexedTypes.Contains(type);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
