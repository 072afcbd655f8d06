using System.Text.Json;
using FhirOncology.Core.Indexing;
using FhirOncology.Core.Security;
using FhirOncology.Core.Storage;
using FhirOncology.Validation.References;

namespace FhirOncology.Core.Profiles;

/// <summary>
/// Answers the validator's questions about references to resources already on this server (validation.html
/// "Resource references"): their type and declared profiles, so targetProfile rules can be checked. A resource the
/// caller may not see is answered as unknown, so validation reveals nothing about it (issue #5).
/// </summary>
internal sealed class StoreReferenceResolver(IResourceStore store, AccessPolicy policy) : IReferenceResolver
{
    public async ValueTask<IReadOnlyDictionary<string, ResolvedReference>> ResolveAsync(
        IReadOnlyCollection<string> references, CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<string, ResolvedReference>(StringComparer.Ordinal);
        foreach (var reference in references)
        {
            if (!ReferenceValue.TryParse(reference, out var value) || value.BaseUri is not null)
            {
                continue; // not a reference into this server
            }

            var current = await store.ReadCurrentAsync(new ResourceKey(value.Type, value.Id), cancellationToken);
            if (current is { IsDeleted: false } && await policy.IsVisibleAsync(store, current.Key, cancellationToken))
            {
                resolved[reference] = new ResolvedReference(value.Type, Profiles(current.Json));
            }
        }

        return resolved;
    }

    private static List<string> Profiles(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty("meta", out var meta) && meta.TryGetProperty("profile", out var profiles)
            ? [.. profiles.EnumerateArray().Select(p => p.GetString()).OfType<string>()]
            : [];
    }
}
