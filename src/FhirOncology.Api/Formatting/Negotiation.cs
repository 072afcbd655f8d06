using System.Net;
using FhirOncology.Core.Errors;
using FhirOncology.Core.Serialization;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.Net.Http.Headers;

namespace FhirOncology.Api.Formatting;

/// <summary>
/// Content negotiation (http.html#mime-type): <c>_format</c> overrides <c>Accept</c>; no preference means JSON;
/// a preference for nothing we speak is 406. Also reads <c>_pretty</c>, <c>_summary</c> and <c>_elements</c>.
/// </summary>
internal static class Negotiation
{
    private const string ShapeKey = "FhirOncology.ResponseShape";

    /// <summary>The shape for this request, computed once; errors in it surface as FhirExceptions.</summary>
    public static ResponseShape ResponseShape(HttpContext context)
    {
        if (context.Items.TryGetValue(ShapeKey, out var cached) && cached is ResponseShape shape)
        {
            return shape;
        }

        shape = new ResponseShape(ResponseFormat(context.Request), Pretty(context.Request), Filter(context.Request));
        context.Items[ShapeKey] = shape;
        return shape;
    }

    /// <summary>The shape to write an error in: as negotiated when possible, JSON when negotiation itself failed.</summary>
    public static ResponseShape ShapeForErrors(HttpContext context)
    {
        try
        {
            var shape = ResponseShape(context);
            return shape with { Filter = null };
        }
        catch (FhirException)
        {
            return Formatting.ResponseShape.Default;
        }
    }

    /// <summary>The request body's format from Content-Type; anything else is 415.</summary>
    public static FhirFormat RequestFormat(HttpRequest request) =>
        FhirMediaTypes.Parse(request.ContentType) ?? throw new FhirException(
            HttpStatusCode.UnsupportedMediaType, OperationOutcome.IssueType.NotSupported,
            string.IsNullOrEmpty(request.ContentType)
                ? "Content-Type is missing; send application/fhir+json or application/fhir+xml."
                : $"Content-Type '{request.ContentType}' is not supported; send application/fhir+json or application/fhir+xml.");

    /// <summary>True when the client asked for a FHIR format by <c>_format</c> or an explicit FHIR media type in Accept.</summary>
    public static bool WantsFhirResource(HttpRequest request) =>
        request.Query.ContainsKey("_format")
        || request.GetTypedHeaders().Accept.Any(accept => FhirMediaTypes.IsExplicitFhir(accept.MediaType.Value ?? ""));

    private static FhirFormat ResponseFormat(HttpRequest request)
    {
        if (request.Query.TryGetValue("_format", out var format))
        {
            return FhirMediaTypes.Parse(format.ToString()) ?? throw NotAcceptable($"_format '{format}' is not supported; use json or xml.");
        }

        var accepts = request.GetTypedHeaders().Accept;
        if (accepts.Count == 0)
        {
            return FhirFormat.Json;
        }

        foreach (var accept in accepts.OrderByDescending(a => a.Quality ?? 1.0))
        {
            var mediaType = accept.MediaType.Value ?? "";
            if (accept.Quality == 0)
            {
                continue;
            }

            if (FhirMediaTypes.Parse(mediaType) is { } known)
            {
                return known;
            }

            if (mediaType is "*/*" or "application/*")
            {
                return FhirFormat.Json;
            }

            if (mediaType == "text/*")
            {
                return FhirFormat.Xml;
            }
        }

        throw NotAcceptable($"None of the Accept media types is supported; use {FhirMediaTypes.Json} or {FhirMediaTypes.Xml}.");
    }

    private static bool Pretty(HttpRequest request) => request.Query["_pretty"].ToString() switch
    {
        "" or "false" => false,
        "true" => true,
        var other => throw FhirException.BadRequest($"_pretty must be true or false; got '{other}'."),
    };

    private static Func<SerializationFilter>? Filter(HttpRequest request)
    {
        var summary = request.Query["_summary"].ToString();
        var elements = request.Query["_elements"].ToString();
        if (summary.Length > 0 && elements.Length > 0)
        {
            throw FhirException.BadRequest("_summary and _elements cannot be combined (search.html#summary).");
        }

        if (elements.Length > 0)
        {
            // search.html#elements: mandatory elements are always returned; id and meta keep the result identifiable.
            var names = elements.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Concat(["id", "meta"]).Distinct(StringComparer.Ordinal).ToArray();
            return SerializationFilter.ForElementsFactory(names);
        }

        return summary switch
        {
            "" or "false" or "count" => null, // count: the search returns no entries (search.html#summary)
            "true" => SerializationFilter.ForSummary,
            "text" => SerializationFilter.ForText,
            "data" => SerializationFilter.ForData,
            _ => throw FhirException.BadRequest($"_summary '{summary}' is not supported here; use true, text, data, count or false."),
        };
    }

    private static FhirException NotAcceptable(string message) =>
        new(HttpStatusCode.NotAcceptable, OperationOutcome.IssueType.NotSupported, message);

    /// <summary>Vary: responses differ by Accept, which shared caches must know.</summary>
    public static void AddVary(HttpResponse response) => response.Headers.Append(HeaderNames.Vary, HeaderNames.Accept);
}
