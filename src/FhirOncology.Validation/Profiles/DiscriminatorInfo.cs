namespace FhirOncology.Validation.Profiles;

/// <summary>A slicing discriminator (profiling.html#discriminator): type is value, pattern, exists, type or profile.</summary>
internal sealed record DiscriminatorInfo(string Type, string Path);
