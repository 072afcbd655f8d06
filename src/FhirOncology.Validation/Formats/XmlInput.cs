using System.Text.Json;
using System.Xml;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;
using Hl7.Fhir.Validation;

namespace FhirOncology.Validation.Formats;

/// <summary>
/// XML input (xml.html): read with the SDK's XML parser in recoverable mode, whose findings (unknown elements, bad
/// values, wrong order) become issues, then written as JSON for the same walk as JSON input. DTDs are prohibited.
/// </summary>
internal static class XmlInput
{
    private static readonly BaseFhirXmlDeserializer Parser = new(
        ModelInfo.ModelInspector, new DeserializerSettings().UsingMode(DeserializationMode.Recoverable, NarrativeValidationKind.None));

    private static readonly BaseFhirJsonSerializer Writer = new(ModelInfo.ModelInspector);

    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };

    public static (byte[]? Json, List<ValidationIssue> Issues) ToJson(string xml)
    {
        var issues = new List<ValidationIssue>();
        Resource? resource;
        IEnumerable<CodedException>? problems;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), Settings);
            Parser.TryDeserializeResource(reader, out resource, out problems);
        }
        catch (XmlException exception)
        {
            issues.Add(new ValidationIssue(OperationOutcome.IssueSeverity.Fatal, OperationOutcome.IssueType.Structure, "",
                $"The content is not well-formed XML: {exception.Message}"));
            return (null, issues);
        }

        foreach (var problem in problems ?? [])
        {
            var location = problem is ExtendedCodedException extended ? extended.InstancePath ?? "" : "";
            issues.Add(new ValidationIssue(OperationOutcome.IssueSeverity.Error, OperationOutcome.IssueType.Structure, location,
                $"XML: {problem.Message}", Rule: problem.ErrorCode));
        }

        if (resource is null)
        {
            return (null, issues);
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Writer.Serialize(resource, writer);
        }

        return (buffer.ToArray(), issues);
    }
}
