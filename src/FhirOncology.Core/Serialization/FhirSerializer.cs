using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml;
using FhirOncology.Core.Errors;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;
using Hl7.Fhir.Validation;

namespace FhirOncology.Core.Serialization;

/// <summary>
/// Parses and writes FHIR resources in JSON and XML. Parsing is strict (unknown elements, bad primitive values and
/// wrong JSON types are errors) but skips the SDK's XHTML narrative check, which the profile validator owns and which
/// costs most of the parse time (TODO #3 checks narrative rules).
/// </summary>
public sealed class FhirSerializer
{
    private static readonly DeserializerSettings Settings =
        new DeserializerSettings().UsingMode(DeserializationMode.Strict, NarrativeValidationKind.None);

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit, // no entity expansion attacks
        XmlResolver = null,
        IgnoreComments = true,
    };

    // Escapes what JSON requires and leaves '+', '<', '&' and non-ASCII text readable (the default encoder escapes
    // them for HTML embedding, which a FHIR API response is not).
    private static readonly JavaScriptEncoder JsonEncoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private readonly BaseFhirJsonDeserializer _jsonParser = new(ModelInfo.ModelInspector, Settings);
    private readonly BaseFhirXmlDeserializer _xmlParser = new(ModelInfo.ModelInspector, Settings);
    private readonly BaseFhirJsonSerializer _jsonWriter = new(ModelInfo.ModelInspector);
    private readonly BaseFhirXmlSerializer _xmlWriter = new(ModelInfo.ModelInspector);

    /// <summary>Parses a resource; any problem is a 400 listing every issue the parser found.</summary>
    public Resource Parse(ReadOnlySpan<byte> body, FhirFormat format)
    {
        if (body.IsEmpty)
        {
            throw FhirException.BadRequest("The request body is empty; a FHIR resource was expected.");
        }

        return format == FhirFormat.Json ? ParseJson(body) : ParseXml(body);
    }

    public byte[] ToJsonBytes(Base instance, bool pretty = false, Func<SerializationFilter>? filter = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = pretty, SkipValidation = true, Encoder = JsonEncoder }))
        {
            _jsonWriter.Serialize(instance, writer, filter);
        }

        return buffer.ToArray();
    }

    public byte[] ToXmlBytes(Base instance, bool pretty = false, Func<SerializationFilter>? filter = null)
    {
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Indent = pretty, Encoding = new UTF8Encoding(false) };
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            _xmlWriter.Serialize(instance, writer, filter);
        }

        return buffer.ToArray();
    }

    public byte[] ToBytes(Base instance, FhirFormat format, bool pretty = false, Func<SerializationFilter>? filter = null) =>
        format == FhirFormat.Json ? ToJsonBytes(instance, pretty, filter) : ToXmlBytes(instance, pretty, filter);

    private Resource ParseJson(ReadOnlySpan<byte> body)
    {
        try
        {
            var options = new JsonReaderOptions { MaxDepth = 128 };
            var probe = new Utf8JsonReader(body, options);
            if (!probe.Read() || probe.TokenType != JsonTokenType.StartObject)
            {
                throw FhirException.BadRequest("The body must be a JSON object holding a FHIR resource.");
            }

            var reader = new Utf8JsonReader(body, options);
            if (_jsonParser.TryDeserializeResource(ref reader, out var resource, out var issues) && resource is not null)
            {
                return resource;
            }

            throw ParseFailed(issues, "JSON");
        }
        catch (JsonException ex)
        {
            throw FhirException.BadRequest($"The body is not valid JSON: {ex.Message}");
        }
        catch (InvalidOperationException ex)
        {
            // The SDK's reader reports some structural mistakes (an array where an object belongs) this way.
            throw FhirException.BadRequest($"The body is not a valid FHIR JSON resource: {ex.Message}");
        }
    }

    private Resource ParseXml(ReadOnlySpan<byte> body)
    {
        try
        {
            using var stream = new MemoryStream(body.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, XmlSettings);
            if (_xmlParser.TryDeserializeResource(reader, out var resource, out var issues) && resource is not null)
            {
                return resource;
            }

            throw ParseFailed(issues, "XML");
        }
        catch (XmlException ex)
        {
            throw FhirException.BadRequest($"The body is not well-formed XML: {ex.Message}");
        }
    }

    private static FhirException ParseFailed(IEnumerable<CodedException>? issues, string format)
    {
        var list = (issues ?? []).Select(e => new FhirIssue(
                OperationOutcome.IssueSeverity.Error, OperationOutcome.IssueType.Structure, e.Message))
            .ToList();
        if (list.Count == 0)
        {
            list.Add(new FhirIssue(OperationOutcome.IssueSeverity.Error, OperationOutcome.IssueType.Structure,
                $"The {format} body could not be read as a FHIR resource."));
        }

        return new FhirException(HttpStatusCode.BadRequest, list);
    }
}
