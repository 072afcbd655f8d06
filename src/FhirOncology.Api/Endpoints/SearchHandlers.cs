using System.Net;
using FhirOncology.Api.Formatting;
using FhirOncology.Core.Errors;
using FhirOncology.Core.Search;
using Hl7.Fhir.Model;

namespace FhirOncology.Api.Endpoints;

/// <summary>Search by GET and by POST to <c>_search</c> (search.html#search), at type and system level.</summary>
internal static class SearchHandlers
{
    internal static Task<IResult> TypeGetAsync(string type, HttpContext context, SearchService search, CancellationToken ct) =>
        RunAsync(context, search, type, FhirBase.QueryPairs(context), ct);

    internal static async Task<IResult> TypePostAsync(string type, HttpContext context, SearchService search, CancellationToken ct) =>
        await RunAsync(context, search, type, [.. FhirBase.QueryPairs(context), .. await FormAsync(context)], ct);

    internal static Task<IResult> SystemGetAsync(HttpContext context, SearchService search, CancellationToken ct) =>
        RunAsync(context, search, null, FhirBase.QueryPairs(context), ct);

    internal static async Task<IResult> SystemPostAsync(HttpContext context, SearchService search, CancellationToken ct) =>
        await RunAsync(context, search, null, [.. FhirBase.QueryPairs(context), .. await FormAsync(context)], ct);

    private static async Task<IResult> RunAsync(
        HttpContext context, SearchService search, string? type, List<KeyValuePair<string, string>> parameters, CancellationToken ct)
    {
        var bundle = await search.SearchAsync(type, parameters, PreferHeader.StrictHandling(context.Request), FhirBase.Url(context), ct);
        return FhirResult.Resource(StatusCodes.Status200OK, bundle);
    }

    /// <summary>search.html#search: POST [base]/[type]/_search carries the parameters as a form body.</summary>
    private static async Task<List<KeyValuePair<string, string>>> FormAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            throw new FhirException(HttpStatusCode.UnsupportedMediaType, OperationOutcome.IssueType.NotSupported,
                "POST _search takes application/x-www-form-urlencoded parameters.");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        return [.. form.SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string>(pair.Key, value ?? "")))];
    }
}
