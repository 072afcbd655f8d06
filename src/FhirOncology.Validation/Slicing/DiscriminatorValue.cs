using System.Text.Json;
using FhirOncology.Validation.Structure;

namespace FhirOncology.Validation.Slicing;

/// <summary>A value reached by a discriminator path in the instance, with its FHIR type and location.</summary>
internal readonly record struct DiscriminatorValue(JsonElement Value, string TypeCode, InstancePath Path);
