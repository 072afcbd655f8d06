using Hl7.Fhir.Model;

namespace FhirOncology.Oncology.CaseBundles;

/// <summary>Every Reference element in a resource, at any depth (contained resources and Bundle entries included).</summary>
public static class ResourceReferences
{
    public static IEnumerable<ResourceReference> All(Base node) => Descendants(node).OfType<ResourceReference>();

    public static IEnumerable<Base> Descendants(Base node)
    {
        yield return node;
        foreach (var (_, value) in node.EnumerateElements())
        {
            foreach (var child in value is IReadOnlyList<Base> list ? list : value is Base single ? [single] : [])
            {
                foreach (var found in Descendants(child))
                {
                    yield return found;
                }
            }
        }
    }
}
