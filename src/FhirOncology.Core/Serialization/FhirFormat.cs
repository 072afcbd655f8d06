namespace FhirOncology.Core.Serialization;

/// <summary>The two FHIR wire formats this server speaks (http.html#mime-type).</summary>
public enum FhirFormat
{
    Json,
    Xml,
}
