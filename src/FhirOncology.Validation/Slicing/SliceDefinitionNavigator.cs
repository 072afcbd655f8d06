using FhirOncology.Validation.Profiles;

namespace FhirOncology.Validation.Slicing;

/// <summary>
/// Follows a discriminator path through a slice's definition to the element that holds the fixed/pattern value,
/// type list or profile (profiling.html#discriminator). Steps go into the slice's children, else its type profile,
/// else its base type; <c>extension('url')</c> goes to the matching extension slice or the extension's own definition;
/// <c>resolve()</c> goes to the reference's target profile.
/// </summary>
internal static class SliceDefinitionNavigator
{
    public static ElementNode? Find(ProfileRegistry profiles, ElementNode slice, string path, List<string> steps) =>
        slice.DiscriminatorTargets.TryGetValue(path, out var known)
            ? known
            : slice.DiscriminatorTargets.GetOrAdd(path, Walk(profiles, slice, steps));

    private static ElementNode? Walk(ProfileRegistry profiles, ElementNode start, List<string> steps)
    {
        var node = start;
        for (var i = 0; i < steps.Count && node is not null; i++)
        {
            var step = steps[i];
            if (step == "resolve()")
            {
                if (i == steps.Count - 1)
                {
                    return node; // the profile discriminator reads the target profiles of this reference
                }

                node = node.Types.SelectMany(t => t.TargetProfiles).Select(profiles.Get).FirstOrDefault(p => p is not null)?.Root;
            }
            else if (DiscriminatorPath.Argument(step, "extension") is { } url)
            {
                var extensions = ChildOf(profiles, node, "extension");
                node = extensions?.Slices.FirstOrDefault(s => UrlOf(profiles, s) == url) ?? profiles.Get(url)?.Root;
            }
            else if (DiscriminatorPath.Argument(step, "ofType") is null)
            {
                node = ChildOf(profiles, node, step);
            }
        }

        return node;
    }

    public static ElementNode? ChildOf(ProfileRegistry profiles, ElementNode node, string name)
    {
        var container = node.HasChildren ? node : TypeRoot(profiles, node);
        if (container is null)
        {
            return null;
        }

        return container.Children.GetValueOrDefault(name) ?? container.Children.GetValueOrDefault(name + "[x]");
    }

    private static ElementNode? TypeRoot(ProfileRegistry profiles, ElementNode node)
    {
        if (node.Types.Count == 0)
        {
            return null;
        }

        var profiled = node.Types[0].Profiles.Select(profiles.Get).FirstOrDefault(p => p is not null);
        return profiled?.Root ?? profiles.GetType(node.Types[0].Code)?.Root;
    }

    /// <summary>The url an extension slice is fixed to, from the slice or its extension definition.</summary>
    public static string? UrlOf(ProfileRegistry profiles, ElementNode extensionSlice)
    {
        var url = ChildOf(profiles, extensionSlice, "url");
        return url?.Fixed is { ValueKind: System.Text.Json.JsonValueKind.String } fixedUrl ? fixedUrl.GetString() : null;
    }
}
