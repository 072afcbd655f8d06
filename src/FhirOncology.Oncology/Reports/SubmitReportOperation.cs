using System.Net;
using FhirOncology.Core.Errors;
using FhirOncology.Core.Interactions;
using FhirOncology.Core.Operations;
using FhirOncology.Core.Security;
using FhirOncology.Core.Serialization;
using FhirOncology.Oncology.CaseBundles;
using Hl7.Fhir.Model;
using FhirTask = Hl7.Fhir.Model.Task;

namespace FhirOncology.Oncology.Reports;

/// <summary>
/// <c>POST [base]/Task/{id}/$submit-report</c> (issue #6, "Report delivery"): the reviewing organisation that owns
/// the referral Task delivers the second-opinion document. In one database transaction the server stores the
/// document (validated against second-opinion-document; immutable from then on, <see cref="ReportImmutabilityHook"/>)
/// and its Composition, links the document and the outcome codes from Task.output, records the case-bundle version
/// reviewed in Task.input, and completes the Task with businessStatus report-ready. Returns the completed Task.
/// </summary>
public sealed class SubmitReportOperation(
    ResourceService resources, IResourceWriter writer, CaseBundleBuilder cases, CallerContext callers, FhirSerializer serializer, TimeProvider clock) : IFhirOperation
{
    private static readonly FhirTask.TaskStatus[] Reviewable = [FhirTask.TaskStatus.Accepted, FhirTask.TaskStatus.InProgress];

    public string Name => "submit-report";

    public OperationLevel Levels => OperationLevel.Instance;

    public IReadOnlyList<string> Types { get; } = ["Task"];

    public string Definition => "https://fhironcology.org/fhir/OperationDefinition/submit-report";

    public bool AffectsState => true;

    public async Task<OperationResult> ExecuteAsync(OperationRequest request, CancellationToken ct)
    {
        var submission = ReportSubmission.From(request);
        var current = await resources.ReadAsync("Task", request.Id!, ct); // 404 unless the caller may see the Task
        var task = (FhirTask)serializer.Parse(current.Json.Span, FhirFormat.Json);
        EnsureOwner(task);
        if (task.Status is not { } status || !Reviewable.Contains(status))
        {
            throw new FhirException(HttpStatusCode.Conflict, OperationOutcome.IssueType.BusinessRule,
                $"Task/{task.Id} is {task.Status?.ToString() ?? "without status"}; a report is submitted while the Task is accepted or in-progress.", "Task.status");
        }

        var patient = CasePatient.Of(task);
        var report = ReportDocumentRules.Report(submission.Document);
        ReportDocumentRules.EnsureSubject(report, patient, request.BaseUrl);
        var outcomes = submission.Outcomes.Count > 0 ? submission.Outcomes : ReportDocumentRules.Outcomes(submission.Document, report);
        if (outcomes.Count == 0 || outcomes.Any(o => o.System != SecondOpinion.OutcomeSystem || string.IsNullOrEmpty(o.Code)))
        {
            throw ReportDocumentRules.Invalid(
                $"The report needs at least one outcome code from {SecondOpinion.OutcomeSystem}: as the value of an Observation in the outcome section, " +
                "or as 'outcome' parameters (referral-task-1: a completed Task carries its outcome).", "Bundle.entry[0].resource.section");
        }

        var reviewed = await ReviewedVersionAsync(patient, submission.ReviewedVersion, ct);
        var id = Guid.CreateVersion7().ToString("N");
        var document = ReportRecords.Document(submission.Document, id);
        var composition = ReportRecords.Composition(document, id, request.BaseUrl);
        ReportTask.Complete(task, id, outcomes, reviewed, clock.GetUtcNow());
        var completed = await resources.InTransactionAsync(async transaction =>
        {
            await writer.CreateWithIdAsync(transaction, document, id, ct);
            await writer.CreateWithIdAsync(transaction, composition, id, ct);
            return await writer.UpdateAsync(transaction, task, current.VersionId, ct); // 412 if the Task changed meanwhile
        }, ct);
        return new OperationResult(serializer.Parse(completed.Json.Span, FhirFormat.Json));
    }

    // workflow-management.html#task: the owner performs the Task, so only the owner delivers its output.
    private void EnsureOwner(FhirTask task)
    {
        var caller = callers.Current;
        if (caller.IsInternal)
        {
            return;
        }

        if (LocalReference.TryParse(task.Owner?.Reference) is not { Type: "Organization" } owner || !caller.OrganizationIds.Contains(owner.Id))
        {
            throw AccessPolicy.Forbidden($"Only the organisation that owns Task/{task.Id} (Task.owner) may submit its report.");
        }
    }

    /// <summary>
    /// The case-bundle version the report reviewed: the caller's current one. A stated version that is no longer
    /// current means the case changed after the reviewer fetched it: 409, so the reviewer looks at the change first.
    /// </summary>
    private async Task<string> ReviewedVersionAsync(string patient, string? stated, CancellationToken ct)
    {
        var current = (await cases.GatherAsync(patient, ct)).Version;
        if (stated is not null && stated != current)
        {
            throw new FhirException(HttpStatusCode.Conflict, OperationOutcome.IssueType.Conflict,
                $"The case changed after case-bundle version {stated}; it is now {current}. Review the changes ($case-bundle) and submit with the current version.");
        }

        return current;
    }
}
