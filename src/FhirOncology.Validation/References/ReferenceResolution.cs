namespace FhirOncology.Validation.References;

/// <summary>What looking for a reference's target inside the instance found.</summary>
internal enum ReferenceResolution
{
    /// <summary>A contained resource or a Bundle entry.</summary>
    Resolved,

    /// <summary>Not in the instance: a resource elsewhere (the server's resolver may know it).</summary>
    NotInInstance,

    /// <summary>The Bundle holds the resource, but not the version the reference names.</summary>
    WrongVersion,
}
