using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Validation;

namespace FhirOncology.Validation.Invariants;

/// <summary>
/// The instance as a Firely POCO, parsed leniently (Ostrich mode: the JSON walk already reported every structural
/// problem) and only when a FHIRPath invariant actually has to run.
/// </summary>
internal sealed class PocoHolder(ReadOnlyMemory<byte> source)
{
    private static readonly BaseFhirJsonDeserializer Parser = new(
        ModelInfo.ModelInspector, new DeserializerSettings().UsingMode(DeserializationMode.Ostrich, NarrativeValidationKind.None));

    private bool _parsed;
    private PocoNode? _root;

    public PocoNode? Root
    {
        get
        {
            if (!_parsed)
            {
                _parsed = true;
                _root = Parse();
            }

            return _root;
        }
    }

    private PocoNode? Parse()
    {
        try
        {
            var reader = new System.Text.Json.Utf8JsonReader(source.Span);
            return Parser.DeserializeResource(ref reader).ToPocoNode();
        }
        catch (DeserializationFailedException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
