using FhirOncology.Validation.Invariants;
using FhirOncology.Validation.Profiles;
using Hl7.Fhir.Model;

namespace FhirOncology.Validation.Structure;

/// <summary>
/// The state of one validation call: the issues found so far, and work deferred to the end of the walk
/// (FHIRPath invariants that need the POCO, references the server must resolve). A speculative check — does this
/// item match a slice's profile? — runs in a <see cref="Fork"/> whose issues are inspected, not reported.
/// </summary>
internal sealed class ValidationSession(ValidationContext context, PocoCache poco)
{
    public const int MaxDepth = 64;

    public ValidationContext Context { get; } = context;

    public PocoCache Poco { get; } = poco;

    public List<ValidationIssue> Issues { get; } = [];

    public List<PendingInvariant> PendingInvariants { get; } = [];

    public List<PendingReference> ExternalReferences { get; } = [];

    public List<PendingCondition> PendingConditions { get; } = [];

    /// <summary>Memo of "does the resource at this location conform to that profile" (reference targets, slices).</summary>
    public Dictionary<(string Location, string Profile), bool> ConformanceMemo { get; init; } = [];

    public int Depth { get; set; }

    public bool IsFork { get; private init; }

    public bool HasErrors => Issues.Exists(issue => issue.IsError);

    /// <summary>A session for a speculative check; without meta profiles when asking about one profile only.</summary>
    public ValidationSession Fork(bool useMetaProfiles = true)
    {
        var context = useMetaProfiles || !Context.UseMetaProfiles
            ? Context
            : new ValidationContext { ReferenceResolver = Context.ReferenceResolver, UseMetaProfiles = false, SdkInvariantsOnly = Context.SdkInvariantsOnly };
        return new ValidationSession(context, Poco) { ConformanceMemo = ConformanceMemo, IsFork = true, Depth = Depth };
    }

    public void Error(InstancePath path, OperationOutcome.IssueType code, string message, ElementNode? element = null, string? rule = null) =>
        Add(OperationOutcome.IssueSeverity.Error, path, code, message, element, rule);

    public void Warning(InstancePath path, OperationOutcome.IssueType code, string message, ElementNode? element = null, string? rule = null) =>
        Add(OperationOutcome.IssueSeverity.Warning, path, code, message, element, rule);

    public void Information(InstancePath path, OperationOutcome.IssueType code, string message, ElementNode? element = null, string? rule = null) =>
        Add(OperationOutcome.IssueSeverity.Information, path, code, message, element, rule);

    public void Add(
        OperationOutcome.IssueSeverity severity, InstancePath path, OperationOutcome.IssueType code, string message, ElementNode? element, string? rule) =>
        Issues.Add(new ValidationIssue(severity, code, path.ToString(), message, element?.Owner.Url, element?.Id, rule));
}
