using Hl7.Fhir.Model;

namespace FhirOncology.Validation;

/// <summary>
/// One finding (validation.html): severity, OperationOutcome issue type, where in the instance (a FHIRPath such as
/// <c>Observation.component[3].valueCodeableConcept.coding[0]</c>), which profile and element id raised it, and a
/// message a person can act on.
/// </summary>
public sealed record ValidationIssue(
    OperationOutcome.IssueSeverity Severity,
    OperationOutcome.IssueType Code,
    string Location,
    string Message,
    string? Profile = null,
    string? ElementId = null,
    string? Rule = null)
{
    public bool IsError => Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal;

    public override string ToString() =>
        $"{Severity} {Location}: {Message}" + (ElementId is null ? "" : $" [{ElementId}]") + (Rule is null ? "" : $" ({Rule})");
}
