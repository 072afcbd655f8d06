using System.Globalization;
using FhirOncology.Core.Errors;
using FhirOncology.Core.Search;
using FhirOncology.Core.Storage;
using Hl7.Fhir.Model;

namespace FhirOncology.Core.Transactions;

/// <summary>
/// One Bundle entry's request, taken apart (bundle.html#transaction): method, type, id or version, query for
/// conditional and search requests, the resource, fullUrl, and the conditional headers it carries.
/// </summary>
internal sealed record EntryRequest(
    int Index,
    Bundle.HTTPVerb Method,
    string Type,
    string? Id,
    string? VersionId,
    IReadOnlyList<KeyValuePair<string, string>>? Query,
    Resource? Resource,
    string? FullUrl,
    string? IfMatch,
    string? IfNoneExist,
    string? Suffix)
{
    public string Location => $"Bundle.entry[{Index.ToString(CultureInfo.InvariantCulture)}]";

    public static EntryRequest Parse(int index, Bundle.EntryComponent entry, string baseUrl)
    {
        var where = $"Bundle.entry[{index.ToString(CultureInfo.InvariantCulture)}]";
        if (entry.Request?.Method is not { } method || string.IsNullOrEmpty(entry.Request.Url))
        {
            throw FhirException.BadRequest("Every entry needs request.method and request.url.", where + ".request");
        }

        var url = entry.Request.Url;
        if (url.StartsWith(baseUrl + "/", StringComparison.Ordinal))
        {
            url = url[(baseUrl.Length + 1)..];
        }
        else if (Uri.IsWellFormedUriString(url, UriKind.Absolute))
        {
            throw FhirException.BadRequest($"request.url '{url}' is not on this server.", where + ".request.url");
        }

        var question = url.IndexOf('?', StringComparison.Ordinal);
        var path = (question < 0 ? url : url[..question]).Trim('/');
        var query = question < 0 ? null : QueryString.Split(url[(question + 1)..]).ToList();
        var segments = path.Split('/');
        string? id = null, version = null, suffix = null;
        switch (segments.Length)
        {
            case 1:
                break;
            case 2 when segments[1].StartsWith('_') || segments[1].StartsWith('$'):
                suffix = segments[1];
                break;
            case 2:
                id = segments[1];
                break;
            case 3 when segments[2] == "_history":
                (id, suffix) = (segments[1], segments[2]);
                break;
            case 4 when segments[2] == "_history":
                (id, version) = (segments[1], segments[3]);
                break;
            default:
                throw FhirException.BadRequest($"request.url '{entry.Request.Url}' is not a FHIR interaction this server takes in a Bundle.", where + ".request.url");
        }

        return new EntryRequest(index, method, segments[0], id, version, query, entry.Resource, entry.FullUrl,
            NullIfEmpty(entry.Request.IfMatch), NullIfEmpty(entry.Request.IfNoneExist), suffix);
    }

    public int? IfMatchVersion()
    {
        if (IfMatch is null)
        {
            return null;
        }

        return VersionTag.Parse(IfMatch)
            ?? throw FhirException.BadRequest($"ifMatch must be a version ETag such as W/\"3\"; got '{IfMatch}'.", Location + ".request.ifMatch");
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
