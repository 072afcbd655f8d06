namespace FhirOncology.Validation.Profiles;

/// <summary>A StructureDefinition compiled for validation.</summary>
internal sealed class StructureProfile
{
    public required string Url { get; init; }

    /// <summary>The type constrained, e.g. <c>Observation</c> or <c>Extension</c>.</summary>
    public required string Type { get; init; }

    public required string Kind { get; init; }

    public string? Derivation { get; init; }

    public bool IsAbstract { get; init; }

    public List<ExtensionContext> Contexts { get; init; } = [];

    /// <summary><c>contextInvariant</c>: FHIRPath rules on the element holding the extension, which must all hold.</summary>
    public List<ExtensionContext> ContextInvariants { get; init; } = [];

    public ElementNode Root { get; set; } = null!;

    /// <summary>Elements by id and by path, to resolve <c>contentReference</c> (elementdefinition.html#contentReference).</summary>
    public Dictionary<string, ElementNode> ElementsById { get; } = new(StringComparer.Ordinal);

    public bool IsResource => Kind == "resource";

    public bool IsPrimitive => Kind == "primitive-type";

    public override string ToString() => Url;
}
