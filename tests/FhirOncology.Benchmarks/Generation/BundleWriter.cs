using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FhirOncology.Benchmarks.Generation;

/// <summary>
/// Writes a transaction Bundle of conditional creates: every entry is <c>POST [type]</c> with <c>ifNoneExist</c> on the
/// identifier the entry was started with, so posting the same Bundle again creates nothing. One writer per client,
/// reused for every Bundle, so building ~100 entries costs little next to the server processing them.
/// </summary>
internal sealed class BundleWriter : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new(128 * 1024);
    private readonly Utf8JsonWriter _json;
    private string _type = "";
    private string _criteria = "";

    public BundleWriter() =>
        // Relaxed escaping keeps HGVS notation ("c.2573T>G") readable; the body never goes into HTML.
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public int Entries { get; private set; }

    /// <summary>For the resource's own elements, between <see cref="StartEntry"/> and <see cref="EndEntry"/>.</summary>
    public Utf8JsonWriter Json => _json;

    public void Begin()
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        Entries = 0;
        _json.WriteStartObject();
        _json.WriteString("resourceType", "Bundle");
        _json.WriteString("type", "transaction");
        _json.WriteStartArray("entry");
    }

    /// <summary>Opens an entry and its resource, and writes the identifier its ifNoneExist matches on.</summary>
    public void StartEntry(string type, string fullUrl, string identifierSystem, string identifierValue)
    {
        _type = type;
        _criteria = "identifier=" + identifierSystem + "|" + identifierValue;
        _json.WriteStartObject();
        _json.WriteString("fullUrl", fullUrl);
        _json.WriteStartObject("resource");
        _json.WriteString("resourceType", type);
        _json.WriteStartArray("identifier");
        _json.WriteStartObject();
        _json.WriteString("system", identifierSystem);
        _json.WriteString("value", identifierValue);
        _json.WriteEndObject();
        _json.WriteEndArray();
    }

    public void EndEntry()
    {
        _json.WriteEndObject();
        _json.WriteStartObject("request");
        _json.WriteString("method", "POST");
        _json.WriteString("url", _type);
        _json.WriteString("ifNoneExist", _criteria);
        _json.WriteEndObject();
        _json.WriteEndObject();
        Entries++;
    }

    public void Dispose() => _json.Dispose();

    public ReadOnlyMemory<byte> Finish()
    {
        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.Flush();
        return _buffer.WrittenMemory;
    }

    /// <summary>A CodeableConcept with one coding; its text repeats the display, as most senders do.</summary>
    public void Concept(string property, Coded code)
    {
        _json.WritePropertyName(property);
        WriteConcept(code);
    }

    /// <summary>A list of one CodeableConcept, for the 0..* elements such as category.</summary>
    public void ConceptList(string property, Coded code)
    {
        _json.WriteStartArray(property);
        WriteConcept(code);
        _json.WriteEndArray();
    }

    public void Reference(string property, string reference)
    {
        _json.WriteStartObject(property);
        _json.WriteString("reference", reference);
        _json.WriteEndObject();
    }

    public void ReferenceList(string property, IEnumerable<string> references)
    {
        _json.WriteStartArray(property);
        foreach (var reference in references)
        {
            _json.WriteStartObject();
            _json.WriteString("reference", reference);
            _json.WriteEndObject();
        }

        _json.WriteEndArray();
    }

    /// <summary>A UCUM quantity; the unit code doubles as the human-readable unit.</summary>
    public void Quantity(string property, double value, string ucum)
    {
        _json.WriteStartObject(property);
        _json.WriteNumber("value", Math.Round(value, 2));
        _json.WriteString("unit", ucum);
        _json.WriteString("system", OncologyCodes.Ucum);
        _json.WriteString("code", ucum);
        _json.WriteEndObject();
    }

    /// <summary>A dateTime with seconds and a zone, as FHIR requires whenever a time is given.</summary>
    public void DateTime(string property, DateTime utc) =>
        _json.WriteString(property, utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

    public void Date(string property, DateOnly date) =>
        _json.WriteString(property, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    private void WriteConcept(Coded code)
    {
        _json.WriteStartObject();
        _json.WriteStartArray("coding");
        _json.WriteStartObject();
        _json.WriteString("system", code.System);
        _json.WriteString("code", code.Code);
        _json.WriteString("display", code.Display);
        _json.WriteEndObject();
        _json.WriteEndArray();
        _json.WriteString("text", code.Display);
        _json.WriteEndObject();
    }
}
