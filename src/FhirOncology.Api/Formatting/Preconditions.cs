using FhirOncology.Core.Errors;
using FhirOncology.Core.Storage;
using Microsoft.Net.Http.Headers;

namespace FhirOncology.Api.Formatting;

/// <summary>Conditional request headers (http.html#concurrency, http.html#cread).</summary>
internal static class Preconditions
{
    /// <summary>The version named by If-Match (<c>W/"3"</c>), or null when absent; a malformed value is 400.</summary>
    public static int? IfMatchVersion(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (header.Length == 0)
        {
            return null;
        }

        return VersionTag.Parse(header) ?? throw FhirException.BadRequest($"If-Match must be a version ETag such as W/\"3\"; got '{header}'.");
    }

    /// <summary>
    /// True when a read can answer 304: If-None-Match names the current version (or is <c>*</c>), or, without
    /// If-None-Match, If-Modified-Since is not older than the version (RFC 9110 §13.2.2 order).
    /// </summary>
    public static bool IsNotModified(HttpRequest request, ResourceVersion version)
    {
        var headers = request.GetTypedHeaders();
        if (headers.IfNoneMatch.Count > 0)
        {
            return headers.IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any)
                || VersionTag.Parse(tag.ToString()) == version.VersionId);
        }

        if (headers.IfModifiedSince is { } since)
        {
            // HTTP dates have whole seconds.
            var lastModified = version.LastUpdated.ToUnixTimeSeconds();
            return lastModified <= since.ToUnixTimeSeconds();
        }

        return false;
    }
}
