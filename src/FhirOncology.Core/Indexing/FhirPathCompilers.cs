using Hl7.Fhir.FhirPath;
using Hl7.FhirPath;
using Hl7.FhirPath.Expressions;

namespace FhirOncology.Core.Indexing;

/// <summary>A FHIRPath compiler with the standard functions and FHIR's own (resolve(), extension(), memberOf()…).</summary>
internal static class FhirPathCompilers
{
    public static FhirPathCompiler Create() => new(new SymbolTable().AddStandardFP().AddFhirExtensions());
}
