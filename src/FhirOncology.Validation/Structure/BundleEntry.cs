using System.Text.Json;

namespace FhirOncology.Validation.Structure;

/// <summary>A Bundle entry's resource, where it is, its fullUrl and its <c>meta.versionId</c>, and the Bundle holding it.</summary>
internal sealed record BundleEntry(JsonElement Resource, InstancePath Path, string? FullUrl, string? VersionId, BundleIndex Bundle);
