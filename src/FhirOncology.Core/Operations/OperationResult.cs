using Hl7.Fhir.Model;

namespace FhirOncology.Core.Operations;

/// <summary>What an operation returns: a resource with an HTTP status (200 unless the operation says otherwise).</summary>
public sealed record OperationResult(Resource Resource, int Status = 200);
