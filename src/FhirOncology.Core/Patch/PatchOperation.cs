using System.Globalization;
using FhirOncology.Core.Errors;
using Hl7.Fhir.Model;

namespace FhirOncology.Core.Patch;

/// <summary>One <c>operation</c> parameter of a FHIRPath Patch, with its parts read (fhirpatch.html#parameters).</summary>
internal sealed class PatchOperation(int index, Parameters.ParameterComponent operation)
{
    public string Type { get; } = Part(operation, "type")?.Value?.ToString() ?? "";

    public string Path { get; } = Part(operation, "path")?.Value?.ToString()
        ?? throw FhirException.BadRequest($"FHIRPath Patch operation {index} has no path.");

    public string? Name { get; } = Part(operation, "name")?.Value?.ToString();

    public string Required(string? value, string part) => value ?? throw Invalid($"needs a '{part}' part");

    public Base RequiredValue()
    {
        var value = Part(operation, "value");
        return value?.Value?.DeepCopy() ?? throw Invalid(value?.Part.Count > 0
            ? "gives its value as parts; only value[x] values are supported"
            : "needs a 'value' part");
    }

    public int RequiredIndex(string part) =>
        Part(operation, part)?.Value is Integer { Value: >= 0 } number ? number.Value.Value : throw Invalid($"needs a non-negative integer '{part}'");

    public FhirException Invalid(string problem) =>
        FhirException.BadRequest($"FHIRPath Patch operation {index.ToString(CultureInfo.InvariantCulture)} ({Type} {Path}) {problem}.");

    private static Parameters.ParameterComponent? Part(Parameters.ParameterComponent operation, string name) =>
        operation.Part.FirstOrDefault(p => p.Name == name);
}
