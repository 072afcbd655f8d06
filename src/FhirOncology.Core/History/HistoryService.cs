using System.Globalization;
using FhirOncology.Core.Errors;
using FhirOncology.Core.Interactions;
using FhirOncology.Core.Resources;
using FhirOncology.Core.Security;
using FhirOncology.Core.Serialization;
using FhirOncology.Core.Storage;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;

namespace FhirOncology.Core.History;

/// <summary>
/// History at instance, type and system level (http.html#history) as a <c>history</c> Bundle, newest first.
/// Paging is keyset-based: the next link carries the store's cursor, so versions written while a client pages
/// neither shift nor repeat the pages that follow.
/// </summary>
public sealed class HistoryService(
    IResourceStore store, ResourceService resources, ResourceTypeRegistry types, AccessPolicy policy, FhirSerializer serializer,
    IOptions<FhirOptions> options)
{
    /// <summary>Instance history needs read permission on the type, type and system history need search (issue #5).</summary>
    private IReadOnlyDictionary<string, IReadOnlyList<Search.SearchClause>> Scope(HistoryRequest request) => request switch
    {
        { Type: { } type, Id: not null } => policy.HistoryScope([type], Permissions.Read, named: true),
        { Type: { } type } => policy.HistoryScope([type], Permissions.Search, named: true),
        _ => policy.HistoryScope(types.All, Permissions.Search, named: false),
    };

    public const string CursorParameter = "_cursor";

    public async Task<Bundle> ReadAsync(HistoryRequest request, string baseUrl, CancellationToken ct)
    {
        if (request.Type is not null)
        {
            resources.EnsureSupported(request.Type);
        }

        if (request.Id is not null)
        {
            policy.Require(request.Type!, Permissions.Read);
            // Instance history of a resource that never existed is 404; a deleted one still has its history.
            var current = ResourceService.IsValidId(request.Id)
                ? await store.ReadCurrentAsync(new ResourceKey(request.Type!, request.Id), ct)
                : null;
            if (current is null)
            {
                throw FhirException.NotFound(request.Type!, request.Id);
            }

            await policy.EnsureReadableAsync(store, current.Key, ct);
        }

        var since = ParseSince(request.Since);
        var count = ParseCount(request.Count);
        var page = count == 0
            ? new HistoryPage([], null)
            : await store.ReadHistoryAsync(new HistoryQuery(request.Type, request.Id, since, request.Cursor, count, Scope(request)), ct);

        var bundle = new Bundle { Type = Bundle.BundleType.History, Id = Guid.NewGuid().ToString("N"), Meta = new Meta { LastUpdated = DateTimeOffset.UtcNow } };
        var path = baseUrl + RelativePath(request);
        bundle.Link.Add(new Bundle.LinkComponent { Relation = "self", Url = path + Query(request.Since, count, request.Cursor) });
        if (page.NextCursor is not null)
        {
            bundle.Link.Add(new Bundle.LinkComponent { Relation = "next", Url = path + Query(request.Since, count, page.NextCursor) });
        }

        foreach (var version in page.Versions)
        {
            bundle.Entry.Add(ToEntry(version, baseUrl));
        }

        return bundle;
    }

    private Bundle.EntryComponent ToEntry(ResourceVersion version, string baseUrl)
    {
        var key = version.Key;
        var entry = new Bundle.EntryComponent
        {
            FullUrl = $"{baseUrl}/{key.Type}/{key.Id}",
            Request = new Bundle.RequestComponent
            {
                Method = version.Method switch
                {
                    WriteMethod.Create => Bundle.HTTPVerb.POST,
                    WriteMethod.Update => Bundle.HTTPVerb.PUT,
                    _ => Bundle.HTTPVerb.DELETE,
                },
                Url = version.Method == WriteMethod.Create ? key.Type : $"{key.Type}/{key.Id}",
            },
            Response = new Bundle.ResponseComponent
            {
                Status = version.Method switch
                {
                    WriteMethod.Create => "201 Created",
                    WriteMethod.Update => "200 OK",
                    _ => "204 No Content",
                },
                Etag = VersionTag.Format(version.VersionId),
                LastModified = version.LastUpdated,
            },
        };
        if (!version.IsDeleted)
        {
            entry.Resource = serializer.Parse(version.Json.Span, FhirFormat.Json);
        }

        return entry;
    }

    private static string RelativePath(HistoryRequest request) => (request.Type, request.Id) switch
    {
        (null, _) => "/_history",
        (var type, null) => $"/{type}/_history",
        var (type, id) => $"/{type}/{id}/_history",
    };

    private static string Query(string? since, int count, string? cursor)
    {
        var parts = new List<string>();
        if (since is not null)
        {
            parts.Add("_since=" + Uri.EscapeDataString(since));
        }

        parts.Add("_count=" + count.ToString(CultureInfo.InvariantCulture));
        if (cursor is not null)
        {
            parts.Add(CursorParameter + "=" + Uri.EscapeDataString(cursor));
        }

        return "?" + string.Join('&', parts);
    }

    /// <summary>_since is an instant (http.html#history); a date-only or zone-less value is ambiguous and refused.</summary>
    private static DateTimeOffset? ParseSince(string? since)
    {
        if (since is null)
        {
            return null;
        }

        if (since.Length > 10 && since.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            && (since.EndsWith('Z') || since[^6] is '+' or '-'))
        {
            return instant;
        }

        throw FhirException.BadRequest($"_since must be an instant with a time zone, e.g. 2026-01-31T09:00:00Z; got '{since}'.");
    }

    private int ParseCount(string? count)
    {
        if (count is null)
        {
            return options.Value.DefaultPageSize;
        }

        if (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw FhirException.BadRequest($"_count must be a non-negative whole number; got '{count}'.");
        }

        // search.html#count: the server may return fewer than asked.
        return Math.Min(value, options.Value.MaxPageSize);
    }
}
