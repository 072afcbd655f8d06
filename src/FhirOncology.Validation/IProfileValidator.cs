using Hl7.Fhir.Model;

namespace FhirOncology.Validation;

/// <summary>
/// Validates FHIR R4 instances against profiles (validation.html). The profiles checked are those passed in, those
/// the instance declares in <c>meta.profile</c>, and otherwise its base type. Thread-safe; create one per process.
/// </summary>
public interface IProfileValidator
{
    /// <summary>Validates UTF-8 JSON. References outside the instance are checked by type only.</summary>
    ValidationReport Validate(ReadOnlyMemory<byte> utf8Json, IEnumerable<string>? profiles = null, ValidationContext? context = null);

    /// <summary>Validates JSON text.</summary>
    ValidationReport Validate(string json, IEnumerable<string>? profiles = null, ValidationContext? context = null);

    /// <summary>Validates XML (xml.html): the SDK's parser reports XML-level problems, then the JSON walk runs.</summary>
    ValidationReport ValidateXml(string xml, IEnumerable<string>? profiles = null, ValidationContext? context = null);

    /// <summary>Validates a POCO (serialised to JSON first; unknown elements cannot exist in a POCO).</summary>
    ValidationReport Validate(Resource resource, IEnumerable<string>? profiles = null, ValidationContext? context = null);

    /// <summary>
    /// Validates UTF-8 JSON and then asks <see cref="ValidationContext.ReferenceResolver"/>, in one call, about every
    /// reference that is neither contained nor in the same Bundle.
    /// </summary>
    ValueTask<ValidationReport> ValidateAsync(
        ReadOnlyMemory<byte> utf8Json, IEnumerable<string>? profiles, ValidationContext? context, CancellationToken cancellationToken);
}
