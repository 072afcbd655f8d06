using FhirOncology.Core.Errors;
using FhirOncology.Core.Resources;
using FhirOncology.Core.Security;
using FhirOncology.Core.Serialization;
using FhirOncology.Core.Storage;
using Hl7.Fhir.Model;

namespace FhirOncology.Core.Search;

/// <summary>
/// Type- and system-level search (search.html) as a <c>searchset</c> Bundle: matches, includes, an outcome entry
/// listing ignored parameters, the total when asked, and self/next links that page with the store's cursor.
/// Every query is narrowed by the <see cref="AccessPolicy"/> for every type it can return: matches, includes and pages.
/// </summary>
public sealed class SearchService(
    IResourceStore store, SearchQueryParser parser, ResourceTypeRegistry types, AccessPolicy policy, FhirSerializer serializer)
{
    public async Task<Bundle> SearchAsync(
        string? type, IReadOnlyList<KeyValuePair<string, string>> parameters, bool strict, string baseUrl, CancellationToken ct)
    {
        if (type is not null)
        {
            policy.Require(type, Permissions.Search); // 403 when no scope allows searching the type at all
        }

        var searched = SearchedTypes(type, parameters);
        var parsed = parser.Parse(searched, parameters, strict);
        var query = parsed.Query with { ScopeClauses = types.All.ToDictionary(t => t, policy.ClausesFor, StringComparer.Ordinal) };
        var result = await store.SearchAsync(query, ct);

        var bundle = new Bundle
        {
            Id = Guid.NewGuid().ToString("N"),
            Type = Bundle.BundleType.Searchset,
            Meta = new Meta { LastUpdated = DateTimeOffset.UtcNow },
            Total = result.Total is { } total ? checked((int)total) : null,
        };
        var path = baseUrl + (type is null ? "" : "/" + type);
        var kept = parameters.Where(p => p.Key != SearchQueryParser.CursorParameter).ToList();
        bundle.Link.Add(new Bundle.LinkComponent { Relation = "self", Url = Link(path, kept, query.Cursor) });
        if (result.NextCursor is not null)
        {
            bundle.Link.Add(new Bundle.LinkComponent { Relation = "next", Url = Link(path, kept, result.NextCursor) });
        }

        if (result.PreviousCursor is not null)
        {
            bundle.Link.Add(new Bundle.LinkComponent { Relation = "previous", Url = Link(path, kept, result.PreviousCursor) });
        }

        foreach (var version in result.Matches)
        {
            bundle.Entry.Add(Entry(version, baseUrl, Bundle.SearchEntryMode.Match));
        }

        foreach (var version in result.Included)
        {
            bundle.Entry.Add(Entry(version, baseUrl, Bundle.SearchEntryMode.Include));
        }

        if (parsed.Ignored.Count > 0)
        {
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                Resource = FhirIssue.ToOperationOutcome(parsed.Ignored),
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Outcome },
            });
        }

        return bundle;
    }

    /// <summary>
    /// Every current resource of <paramref name="types"/> in the patient's case (the Patient itself and every
    /// resource the access rules recorded as referencing it, issue #5), as far as the caller may search each type:
    /// all pages, in surrogate (time) order. For domain operations that need a whole case ($case-bundle, issue #6).
    /// </summary>
    public async Task<IReadOnlyList<ResourceVersion>> CaseMembersAsync(string patientId, IReadOnlyList<string> types, CancellationToken ct)
    {
        var scope = types.ToDictionary(t => t, policy.ClausesFor, StringComparer.Ordinal);
        var members = new List<ResourceVersion>();
        string? cursor = null;
        do
        {
            var query = new SearchQuery(types, [new PatientCaseClause(patientId)], CasePageSize, cursor, [], TotalMode.None, false, [], [])
            {
                ScopeClauses = scope,
            };
            var page = await store.SearchAsync(query, ct);
            members.AddRange(page.Matches);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return members;
    }

    private const int CasePageSize = 500;

    private IReadOnlyList<string> SearchedTypes(string? type, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        if (type is not null)
        {
            return types.IsSupported(type) ? [type] : throw FhirException.UnsupportedType(type);
        }

        // search.html#searchall: _type narrows a system-level search.
        var listed = parameters.Where(p => p.Key == "_type").SelectMany(p => p.Value.Split(',', StringSplitOptions.RemoveEmptyEntries)).Distinct().ToList();
        foreach (var name in listed.Where(name => !types.IsSupported(name)))
        {
            throw FhirException.UnsupportedType(name);
        }

        return listed.Count > 0 ? listed : [.. types.All];
    }

    private Bundle.EntryComponent Entry(ResourceVersion version, string baseUrl, Bundle.SearchEntryMode mode) => new()
    {
        FullUrl = $"{baseUrl}/{version.Key.Type}/{version.Key.Id}",
        Resource = serializer.Parse(version.Json.Span, FhirFormat.Json),
        Search = new Bundle.SearchComponent { Mode = mode },
    };

    private static string Link(string path, IEnumerable<KeyValuePair<string, string>> parameters, string? cursor)
    {
        var pairs = parameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)).ToList();
        if (cursor is not null)
        {
            pairs.Add(SearchQueryParser.CursorParameter + "=" + Uri.EscapeDataString(cursor));
        }

        return pairs.Count == 0 ? path : path + "?" + string.Join('&', pairs);
    }
}
