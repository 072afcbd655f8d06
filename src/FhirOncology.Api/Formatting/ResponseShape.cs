using FhirOncology.Core.Serialization;
using Hl7.Fhir.Serialization;

namespace FhirOncology.Api.Formatting;

/// <summary>
/// How this request's response is to be written: format (http.html#mime-type), <c>_pretty</c>, and the
/// <c>_summary</c>/<c>_elements</c> subset (search.html#summary, #elements), which also apply to read.
/// </summary>
internal sealed record ResponseShape(FhirFormat Format, bool Pretty, Func<SerializationFilter>? Filter)
{
    public static readonly ResponseShape Default = new(FhirFormat.Json, false, null);

    public string ContentType => Format == FhirFormat.Json ? FhirMediaTypes.JsonUtf8 : FhirMediaTypes.XmlUtf8;

    public bool IsSubset => Filter is not null;

    /// <summary>The stored JSON can be sent as it is: JSON, compact, complete.</summary>
    public bool CanSendStoredJson => Format == FhirFormat.Json && !Pretty && Filter is null;
}
