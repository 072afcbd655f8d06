using FhirOncology.Core.Indexing;
using FhirOncology.Core.Interactions;
using FhirOncology.Core.Storage;

namespace FhirOncology.Core.Security;

/// <summary>
/// The <c>Type/id</c> a literal reference names, ignoring any base URL and version (references.html#literal): the
/// key of <see cref="ReferenceValue"/>, for code that only needs to know which resource is meant.
/// </summary>
public static class LocalReference
{
    public static ResourceKey? TryParse(string? reference) =>
        ReferenceValue.TryParse(reference, out var value) && ResourceService.IsValidId(value.Id) ? new ResourceKey(value.Type, value.Id) : null;
}
