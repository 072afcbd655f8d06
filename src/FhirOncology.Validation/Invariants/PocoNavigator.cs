using FhirOncology.Validation.References;
using FhirOncology.Validation.Structure;
using Hl7.Fhir.Model;

namespace FhirOncology.Validation.Invariants;

/// <summary>Finds the POCO node for an <see cref="InstancePath"/> and resolves references for FHIRPath resolve().</summary>
internal static class PocoNavigator
{
    public static PocoNode? Navigate(PocoNode root, InstancePath path)
    {
        var node = root;
        foreach (var segment in path.Segments())
        {
            var children = node.Child(segment.ElementName);
            if (children is null)
            {
                return null;
            }

            var index = Math.Max(segment.Index, 0);
            node = children.Skip(index).FirstOrDefault();
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>%rootResource (fhirpath.html#variables): the container of a contained resource, else the resource.</summary>
    public static PocoNode RootResourceOf(PocoNode resource) =>
        resource.Name == "contained" && resource.Parent is { } container ? container : resource;

    public static PocoNode? Resolve(PocoNode root, PocoNode resource, string reference)
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

        if (root.Poco is not Bundle)
        {
            return null;
        }

        var tail = ReferenceTarget.TypeAndId(reference);
        foreach (var entry in root.Child("entry") ?? Enumerable.Empty<PocoNode>())
        {
            var component = (Bundle.EntryComponent)entry.Poco;
            if (component.Resource is null)
            {
                continue;
            }

            if (component.FullUrl == reference
                || (tail is not null && $"{component.Resource.TypeName}/{component.Resource.Id}" == tail))
            {
                return entry.Child("resource")?.FirstOrDefault();
            }
        }

        return null;
    }
}
