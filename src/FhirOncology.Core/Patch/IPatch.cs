using Hl7.Fhir.Model;

namespace FhirOncology.Core.Patch;

/// <summary>A patch document (http.html#patch) that turns the current resource into its next version.</summary>
public interface IPatch
{
    Resource Apply(Resource current);
}
