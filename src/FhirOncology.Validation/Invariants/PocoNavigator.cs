using FhirOncology.Validation.References;
using FhirOncology.Validation.Structure;
using Hl7.Fhir.Model;

namespace FhirOncology.Validation.Invariants;

/// <summary>%rootResource and resolve() for the SDK's FHIRPath engine, on the POCOs of <see cref="PocoCache"/>.</summary>
internal static class PocoNavigator
{
    /// <summary>%rootResource (fhirpath.html#variables): the container of a contained resource, else the resource.</summary>
    public static PocoNode RootResourceOf(PocoNode resource) =>
        resource.Name == "contained" && resource.Parent is { } container ? container : resource;

    /// <summary>
    /// resolve() (fhirpath.html#functions, references.html): <c>#id</c> among the container's contained resources,
    /// otherwise the target the JSON walk resolves — a Bundle entry found by the rules of bundle.html#references.
    /// </summary>
    public static PocoNode? Resolve(PocoCache cache, ResourceScope scope, PocoNode resource, string reference)
    {
        if (reference.StartsWith('#'))
        {
            var container = RootResourceOf(resource);
            if (reference.Length == 1)
            {
                return container;
            }

            return container.Child("contained")?.FirstOrDefault(c => (c.Poco as Resource)?.Id == reference[1..]);
        }

        return ReferenceTarget.TryResolve(scope, reference, out var target) ? cache.Node(target.Path, target.Path) : null;
    }
}
