using FhirOncology.Validation.Structure;

namespace FhirOncology.Validation.References;

/// <summary>
/// Finds the resource a literal reference points to inside the instance (references.html#literal): <c>#id</c> among
/// the container's contained resources; otherwise a Bundle entry by the rules of bundle.html#references — an absolute
/// reference (<c>http…</c>, <c>urn:uuid:</c>, <c>urn:oid:</c>) matches an entry's fullUrl; a relative <c>Type/id</c> is
/// first made absolute with the base of the referring entry's fullUrl, which must be a RESTful URL (with a
/// <c>urn:uuid:</c> fullUrl a relative reference has no meaning inside the Bundle); a version-specific reference
/// (<c>/_history/n</c>) matches the version-independent fullUrl and then <c>meta.versionId</c>.
/// </summary>
internal static class ReferenceTarget
{
    public static bool TryResolve(ResourceScope scope, string reference, out ResolvedTarget target) =>
        Resolve(scope, reference, out target, out _) == ReferenceResolution.Resolved;

    /// <param name="heldVersions">For <see cref="ReferenceResolution.WrongVersion"/>: the versions the Bundle holds.</param>
    public static ReferenceResolution Resolve(ResourceScope scope, string reference, out ResolvedTarget target, out string? heldVersions)
    {
        target = default;
        heldVersions = null;
        if (reference.StartsWith('#'))
        {
            if (reference.Length == 1)
            {
                target = new ResolvedTarget(scope.Container.Resource, scope.Container.Path);
                return ReferenceResolution.Resolved;
            }

            if (scope.TryGetContained(reference[1..], out var contained))
            {
                target = new ResolvedTarget(contained.Resource, contained.Path);
                return ReferenceResolution.Resolved;
            }

            return ReferenceResolution.NotInInstance;
        }

        if (AbsoluteForm(scope, reference, out var version) is not { } fullUrl)
        {
            return ReferenceResolution.NotInInstance;
        }

        foreach (var bundle in scope.Bundles())
        {
            var entries = bundle.Find(fullUrl);
            if (entries.Count == 0)
            {
                continue;
            }

            // No version asked, or an entry of that version, or one whose version is not stated (cannot be told apart).
            var entry = version is null ? entries[0] : entries.FirstOrDefault(e => e.VersionId == version) ?? entries.FirstOrDefault(e => e.VersionId is null);
            if (entry is null)
            {
                heldVersions = string.Join(", ", entries.Select(e => e.VersionId).Distinct(StringComparer.Ordinal));
                return ReferenceResolution.WrongVersion;
            }

            target = new ResolvedTarget(entry.Resource, entry.Path, entry);
            return ReferenceResolution.Resolved;
        }

        return ReferenceResolution.NotInInstance;
    }

    /// <summary>The version-independent absolute URL a reference names inside a Bundle, or null when it has none.</summary>
    private static string? AbsoluteForm(ResourceScope scope, string reference, out string? version)
    {
        version = null;
        if (reference.StartsWith("urn:", StringComparison.Ordinal))
        {
            return reference; // urn:uuid: and urn:oid: only ever match a fullUrl exactly
        }

        var url = RestfulUrl.Parse(reference);
        if (url is null)
        {
            return reference.Contains("://", StringComparison.Ordinal) ? reference : null; // an absolute non-RESTful URL
        }

        version = url.Version;
        if (url.Base.Length > 0)
        {
            return url.VersionIndependent;
        }

        // bundle.html#references: a relative reference takes the base of the referring entry's fullUrl, if RESTful.
        return scope.EntryFullUrl is { } fullUrl && RestfulUrl.Parse(fullUrl) is { Base.Length: > 0 } entryUrl
            ? entryUrl.Base + url.VersionIndependent
            : null;
    }

    /// <summary>The resource type named in a RESTful reference, if any.</summary>
    public static string? TypeOf(string reference) => RestfulUrl.Parse(reference)?.Type;
}
