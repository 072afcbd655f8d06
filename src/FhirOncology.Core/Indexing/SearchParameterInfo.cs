using Hl7.Fhir.Model;
using Hl7.FhirPath;

namespace FhirOncology.Core.Indexing;

/// <summary>
/// A search parameter as this server runs it for one resource type: the FHIRPath compiled once, restricted to the
/// branches of the definition's expression that apply to the type (core definitions share one expression across
/// many types).
/// </summary>
public sealed record SearchParameterInfo(
    string ResourceType,
    string Code,
    SearchParamType Type,
    string Url,
    string Expression,
    CompiledExpression Compiled,
    IReadOnlyList<string> Targets,
    IReadOnlyList<CompositePart> Components);

/// <summary>One component of a composite parameter, evaluated relative to the composite's context node.</summary>
public sealed record CompositePart(SearchParamType Type, CompiledExpression Compiled);
