using System.Collections.Frozen;
using System.Net;
using FhirOncology.Core.Errors;
using FhirOncology.Core.Interactions;
using FhirOncology.Core.Resources;
using FhirOncology.Core.Search;
using FhirOncology.Core.Security;
using FhirOncology.Core.Serialization;
using FhirOncology.Core.Storage;
using Hl7.Fhir.Model;

namespace FhirOncology.Oncology.CaseBundles;

/// <summary>
/// Gathers a patient's case (issue #6, "Case bundle") through the access-checked services, so a caller gets only
/// what it may see: every member of the case (the Patient and every resource referencing it: conditions,
/// observations, reports, documents, treatment, the referral ServiceRequest, Tasks, CommunicationRequests, report
/// documents …), plus the resources outside the case that members reference and the caller may read (directory
/// entries, trial studies, Binary attachments), so the bundle stands on its own. The audit trail (Provenance,
/// AuditEvent) and Subscriptions are not case content and are left out.
/// </summary>
public sealed class CaseBundleBuilder(SearchService search, ResourceService resources, ResourceTypeRegistry types, FhirSerializer serializer)
{
    private static readonly FrozenSet<string> NotCaseContent =
        FrozenSet.ToFrozenSet(["Provenance", "AuditEvent", "Subscription"], StringComparer.Ordinal);

    public async Task<CaseBundle> GatherAsync(string patientId, CancellationToken ct)
    {
        var caseTypes = types.All.Where(type => !NotCaseContent.Contains(type)).ToList();
        var members = await search.CaseMembersAsync(patientId, caseTypes, ct);
        var byKey = members.ToDictionary(m => m.Key.ToString(), StringComparer.Ordinal);
        var referenced = members
            .SelectMany(m => References(serializer.Parse(m.Json.Span, FhirFormat.Json)))
            .Where(key => types.IsSupported(key.Type) && !NotCaseContent.Contains(key.Type) && !byKey.ContainsKey(key.ToString()))
            .Distinct()
            .ToList();
        foreach (var key in referenced)
        {
            if (await TryReadAsync(key, ct) is { } version)
            {
                byKey[key.ToString()] = version;
            }
        }

        var versions = byKey.Values.OrderBy(v => v.Key.ToString(), StringComparer.Ordinal).ToList();
        return new CaseBundle(patientId, versions, CaseBundleVersion.Compute(versions));
    }

    /// <summary>
    /// The case as a <c>collection</c> Bundle (bundle.html#collection). Each entry is pinned to its version: the
    /// resource carries meta.versionId and the entry a <c>self</c> link to <c>[base]/Type/id/_history/n</c>. The
    /// fullUrl itself stays version-independent, because bdl-8 forbids '/_history/' in fullUrl (bundle.html#bundle-unique).
    /// Bundle.id, Bundle.identifier and meta.versionId carry the <see cref="CaseBundleVersion"/>.
    /// </summary>
    public Bundle ToBundle(CaseBundle gathered, string baseUrl)
    {
        var bundle = new Bundle
        {
            Id = gathered.Version,
            Meta = new Meta
            {
                VersionId = gathered.Version,
                LastUpdated = gathered.Versions.Count == 0 ? null : gathered.Versions.Max(v => v.LastUpdated),
            },
            Identifier = new Identifier(CaseBundleIdentifier.System, gathered.Version),
            Type = Bundle.BundleType.Collection,
            Timestamp = DateTimeOffset.UtcNow,
        };
        foreach (var version in gathered.Versions)
        {
            var url = $"{baseUrl}/{version.Key.Type}/{version.Key.Id}";
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = url,
                Resource = serializer.Parse(version.Json.Span, FhirFormat.Json),
                Link = [new Bundle.LinkComponent { Relation = "self", Url = $"{url}/_history/{version.VersionId}" }],
            });
        }

        return bundle;
    }

    private async Task<ResourceVersion?> TryReadAsync(ResourceKey key, CancellationToken ct)
    {
        try
        {
            return await resources.ReadAsync(key.Type, key.Id, ct);
        }
        catch (FhirException error) when (error.Status is HttpStatusCode.NotFound or HttpStatusCode.Gone or HttpStatusCode.Forbidden)
        {
            return null; // not there, or not for this caller: the bundle holds what the caller may see
        }
    }

    /// <summary>Relative literal references (references.html#literal), and attachments stored here as Binary.</summary>
    private static IEnumerable<ResourceKey> References(Resource resource) =>
        ResourceReferences.Descendants(resource)
            .Select(node => node switch
            {
                ResourceReference reference => reference.Reference,
                Attachment { Url: { } url } when url.StartsWith("Binary/", StringComparison.Ordinal) => url,
                _ => null,
            })
            .Where(literal => literal is not null && !literal.Contains("://", StringComparison.Ordinal))
            .Select(LocalReference.TryParse)
            .OfType<ResourceKey>();
}
