using System.Globalization;
using FhirOncology.Api.Audit;
using FhirOncology.Core.Serialization;
using FhirOncology.Core.Storage;
using Hl7.Fhir.Model;
using Microsoft.Net.Http.Headers;

namespace FhirOncology.Api.Formatting;

/// <summary>
/// The one place the wire format is written (STYLE.md §4): status, Content-Type, ETag, Last-Modified, Location,
/// and the body in the negotiated shape. A stored version is sent as stored when the shape allows.
/// </summary>
internal sealed class FhirResult : IResult
{
    private static readonly Coding Subsetted = new("http://terminology.hl7.org/CodeSystem/v3-ObservationValue", "SUBSETTED");

    private readonly int _status;
    private readonly ResourceVersion? _version;
    private readonly Base? _body;
    private readonly bool _hasBody;
    private string? _location;

    private FhirResult(int status, ResourceVersion? version, Base? body, bool hasBody)
    {
        _status = status;
        _version = version;
        _body = body;
        _hasBody = hasBody;
    }

    /// <summary>A stored version as the body, with its version headers.</summary>
    public static FhirResult Version(int status, ResourceVersion version) => new(status, version, null, true);

    /// <summary>A resource built for this response (Bundle, CapabilityStatement, OperationOutcome).</summary>
    public static FhirResult Resource(int status, Base body) => new(status, null, body, true);

    /// <summary>A resource body that describes <paramref name="version"/> (Prefer: return=OperationOutcome).</summary>
    public static FhirResult Resource(int status, Base body, ResourceVersion? version) => new(status, version, body, true);

    /// <summary>No body; version headers when a version is given (204, 304, Prefer: return=minimal).</summary>
    public static FhirResult Empty(int status, ResourceVersion? version = null) => new(status, version, null, false);

    public FhirResult WithLocation(string location)
    {
        _location = location;
        return this;
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = _status;
        if (_version is not null)
        {
            WriteVersionHeaders(response, _version);
        }

        if (_location is not null)
        {
            response.Headers.Location = _location;
        }

        if (!_hasBody)
        {
            return;
        }

        var shape = Negotiation.ResponseShape(httpContext);
        Negotiation.AddVary(response);
        response.ContentType = shape.ContentType;
        var bytes = Body(httpContext, shape);
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, httpContext.RequestAborted);
    }

    public static void WriteVersionHeaders(HttpResponse response, ResourceVersion version)
    {
        AuditFacts.SetTarget(response.HttpContext, version); // the audit record names the version the response is about
        response.Headers.ETag = VersionTag.Format(version.VersionId);
        response.Headers[HeaderNames.LastModified] = version.LastUpdated.ToString("R", CultureInfo.InvariantCulture);
    }

    private ReadOnlyMemory<byte> Body(HttpContext httpContext, ResponseShape shape)
    {
        var serializer = httpContext.RequestServices.GetRequiredService<FhirSerializer>();
        if (_body is null && _version is not null && shape.CanSendStoredJson)
        {
            return _version.Json;
        }

        var body = _body ?? serializer.Parse(_version!.Json.Span, FhirFormat.Json);
        if (shape.IsSubset && body is Resource resource)
        {
            // search.html#summary: a subsetted resource SHOULD carry the SUBSETTED tag.
            resource.Meta ??= new Meta();
            resource.Meta.Tag.Add(Subsetted);
        }

        return serializer.ToBytes(body, shape.Format, shape.Pretty, shape.Filter);
    }
}
