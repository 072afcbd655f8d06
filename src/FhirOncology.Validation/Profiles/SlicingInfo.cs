namespace FhirOncology.Validation.Profiles;

/// <summary><c>ElementDefinition.slicing</c> (profiling.html#slicing).</summary>
internal sealed record SlicingInfo(List<DiscriminatorInfo> Discriminators, bool Ordered, string Rules)
{
    public bool IsClosed => Rules == "closed";

    public bool IsOpenAtEnd => Rules == "openAtEnd";
}
