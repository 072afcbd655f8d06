using FhirOncology.Core.Storage;

namespace FhirOncology.Oncology.CaseBundles;

/// <summary>The resource versions of one patient's case as one caller sees them, and their <see cref="CaseBundleVersion"/>.</summary>
public sealed record CaseBundle(string PatientId, IReadOnlyList<ResourceVersion> Versions, string Version);
