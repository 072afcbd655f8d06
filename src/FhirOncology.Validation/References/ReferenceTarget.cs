using System.Text.Json;
using FhirOncology.Validation.Structure;

namespace FhirOncology.Validation.References;

/// <summary>
/// Finds the resource a literal reference points to inside the instance (references.html#literal): <c>#id</c> in
/// the container's contained resources, otherwise a Bundle entry by fullUrl or <c>Type/id</c> (bundle.html#references).
/// </summary>
internal static class ReferenceTarget
{
    public static bool TryResolve(ResourceScope scope, string reference, out (JsonElement Resource, InstancePath Path) target)
    {
        if (reference.StartsWith('#'))
        {
            if (reference.Length == 1)
            {
                target = (scope.Container.Resource, scope.Container.Path);
                return true;
            }

            return scope.TryGetContained(reference[1..], out target);
        }

        if (scope.TryGetBundleEntry(reference, out target))
        {
            return true;
        }

        // A relative reference inside a Bundle entry whose fullUrl is absolute: match on the Type/id tail.
        var tail = TypeAndId(reference);
        return tail is not null && tail != reference && scope.TryGetBundleEntry(tail, out target);
    }

    /// <summary>The <c>Type/id</c> of a RESTful reference (absolute or relative), ignoring <c>_history</c>.</summary>
    public static string? TypeAndId(string reference)
    {
        var history = reference.IndexOf("/_history/", StringComparison.Ordinal);
        var trimmed = history >= 0 ? reference[..history] : reference;
        var parts = trimmed.Split('/');
        return parts.Length >= 2 && parts[^2].Length > 0 && char.IsUpper(parts[^2][0]) ? $"{parts[^2]}/{parts[^1]}" : null;
    }

    /// <summary>The resource type named in a RESTful reference, if any.</summary>
    public static string? TypeOf(string reference) => TypeAndId(reference) is { } typeAndId ? typeAndId[..typeAndId.IndexOf('/')] : null;
}
