using System.Text.Json;
using FhirOncology.Validation.Structure;

namespace FhirOncology.Validation.References;

/// <summary>The resource a reference points to inside the instance, and the Bundle entry it is, if any.</summary>
internal readonly record struct ResolvedTarget(JsonElement Resource, InstancePath Path, BundleEntry? Entry = null);
