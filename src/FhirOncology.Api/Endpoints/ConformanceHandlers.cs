using FhirOncology.Api.Audit;
using FhirOncology.Api.Formatting;
using FhirOncology.Core.Conformance;
using FhirOncology.Core.Errors;
using Hl7.Fhir.Model;

namespace FhirOncology.Api.Endpoints;

/// <summary>
/// Read and search of our conformance resources (issue #6), e.g. <c>GET [base]/StructureDefinition/referral-task</c> or
/// <c>GET [base]/ValueSet?url=…</c>. Any valid access token may read them, with or without an organisation
/// (issue #5: "may read public conformance resources"). Search takes <c>_id</c>, <c>url</c>, <c>name</c> and
/// <c>version</c>; other parameters are refused, as nothing else is indexed for them (search.html#errors).
/// </summary>
internal static class ConformanceHandlers
{
    private static readonly string[] Parameters = ["_id", "url", "name", "version", "_format", "_pretty"];

    public static void MapConformance(RouteGroupBuilder fhir)
    {
        foreach (var type in ConformanceArtifacts.Types)
        {
            fhir.MapGet("/" + type, (HttpContext context, ConformanceArtifacts artifacts) => Search(type, context, artifacts)).Audited("search-type");
            fhir.MapGet("/" + type + "/{id}", (string id, ConformanceArtifacts artifacts) => Read(type, id, artifacts)).Audited("read");
        }
    }

    internal static IResult Read(string type, string id, ConformanceArtifacts artifacts) =>
        FhirResult.Resource(StatusCodes.Status200OK, artifacts.Find(type, id) ?? throw FhirException.NotFound(type, id));

    internal static IResult Search(string type, HttpContext context, ConformanceArtifacts artifacts)
    {
        var query = context.Request.Query;
        if (query.Keys.FirstOrDefault(key => !Parameters.Contains(key)) is { } unknown)
        {
            throw FhirException.BadRequest($"{type} here can be searched by _id, url, name and version only; '{unknown}' is not supported.");
        }

        var matches = artifacts.All.Where(r => r.TypeName == type && r is IVersionableConformanceResource)
            .Cast<IVersionableConformanceResource>()
            .Where(r => Matches(query["_id"], ((Resource)r).Id) && Matches(query["url"], r.Url) && Matches(query["name"], r.Name) && Matches(query["version"], r.Version))
            .Cast<Resource>()
            .ToList();
        var baseUrl = FhirBase.Url(context);
        var bundle = new Bundle { Id = Guid.NewGuid().ToString("N"), Type = Bundle.BundleType.Searchset, Total = matches.Count, Meta = new Meta { LastUpdated = DateTimeOffset.UtcNow } };
        bundle.Link.Add(new Bundle.LinkComponent { Relation = "self", Url = baseUrl + "/" + type + context.Request.QueryString });
        foreach (var match in matches)
        {
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = $"{baseUrl}/{type}/{match.Id}",
                Resource = match,
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
            });
        }

        return FhirResult.Resource(StatusCodes.Status200OK, bundle);
    }

    // Each value may list alternatives separated by commas (search.html#combining); exact match.
    private static bool Matches(Microsoft.Extensions.Primitives.StringValues wanted, string? actual) =>
        wanted.Count == 0 || wanted.All(value => value!.Split(',').Contains(actual, StringComparer.Ordinal));
}
