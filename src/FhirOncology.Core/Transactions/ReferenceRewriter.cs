using Hl7.Fhir.Model;

namespace FhirOncology.Core.Transactions;

/// <summary>
/// bundle.html#references: references to an entry's fullUrl (urn:uuid:, urn:oid: or absolute) are replaced by
/// the identity the server gave that entry, wherever they appear — Reference.reference and uri-typed values alike.
/// Conditional references (<c>Patient?identifier=…</c>) are resolved through <paramref name="resolveConditional"/>.
/// </summary>
internal static class ReferenceRewriter
{
    public static async Task RewriteAsync(Base node, IReadOnlyDictionary<string, string> identities, Func<string, Task<string>> resolveConditional)
    {
        switch (node)
        {
            case ResourceReference { Reference: { } reference } resourceReference:
                resourceReference.Reference = await ReplaceAsync(reference, identities, resolveConditional);
                break;
            case FhirUri { Value: { } uri } fhirUri when identities.TryGetValue(uri, out var replacement):
                fhirUri.Value = replacement;
                break;
            case Canonical { Value: { } canonical } fhirCanonical when identities.TryGetValue(canonical, out var replacement):
                fhirCanonical.Value = replacement;
                break;
        }

        foreach (var (_, value) in node.EnumerateElements().ToList())
        {
            foreach (var child in value is IReadOnlyList<Base> list ? list : value is Base single ? [single] : [])
            {
                await RewriteAsync(child, identities, resolveConditional);
            }
        }
    }

    private static async Task<string> ReplaceAsync(string reference, IReadOnlyDictionary<string, string> identities, Func<string, Task<string>> resolveConditional)
    {
        if (identities.TryGetValue(reference, out var replacement))
        {
            return replacement;
        }

        var question = reference.IndexOf('?', StringComparison.Ordinal);
        return question > 0 && ModelInfo.IsKnownResource(reference[..question]) ? await resolveConditional(reference) : reference;
    }
}
