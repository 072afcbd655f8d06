namespace FhirOncology.Core.Storage;

/// <summary>The logical identity of a resource: its type and id.</summary>
public sealed record ResourceKey(string Type, string Id)
{
    public override string ToString() => $"{Type}/{Id}";
}
