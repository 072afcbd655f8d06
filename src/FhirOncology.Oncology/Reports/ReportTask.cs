using FhirOncology.Oncology.CaseBundles;
using Hl7.Fhir.Model;
using FhirTask = Hl7.Fhir.Model.Task;

namespace FhirOncology.Oncology.Reports;

/// <summary>
/// The referral Task as the report completes it (referral-task profile; workflow-management.html#task): status
/// completed, businessStatus report-ready, output report → the document and one output per outcome code (so a
/// polling EHR sees the outcome without reading the report, DOMAIN.md §1.3), and an input recording the
/// case-bundle version the report reviewed.
/// </summary>
public static class ReportTask
{
    public static bool HasReport(FhirTask task) => task.Output.Any(o => Is(o.Type, SecondOpinion.TaskOutputSystem, SecondOpinion.ReportOutput));

    public static bool IsFlaggedChanged(FhirTask task) => task.Input.Any(i => Is(i.Type, SecondOpinion.TaskInputSystem, SecondOpinion.CaseChangedInput));

    public static void Complete(FhirTask task, string documentId, IReadOnlyList<Coding> outcomes, string reviewedVersion, DateTimeOffset now)
    {
        task.Status = FhirTask.TaskStatus.Completed;
        task.BusinessStatus = Concept(SecondOpinion.BusinessStatusSystem, SecondOpinion.ReportReady, "Report ready");
        task.LastModifiedElement = new FhirDateTime(now);
        task.Output.RemoveAll(o => Is(o.Type, SecondOpinion.TaskOutputSystem, SecondOpinion.ReportOutput) || Is(o.Type, SecondOpinion.TaskOutputSystem, SecondOpinion.OutcomeOutput));
        task.Output.Add(new FhirTask.OutputComponent
        {
            Type = Concept(SecondOpinion.TaskOutputSystem, SecondOpinion.ReportOutput, "Report document"),
            Value = new ResourceReference("Bundle/" + documentId),
        });
        foreach (var outcome in outcomes.DistinctBy(o => o.Code))
        {
            task.Output.Add(new FhirTask.OutputComponent
            {
                Type = Concept(SecondOpinion.TaskOutputSystem, SecondOpinion.OutcomeOutput, "Review outcome"),
                Value = new CodeableConcept { Coding = [new Coding(outcome.System, outcome.Code, outcome.Display)] },
            });
        }

        task.Input.RemoveAll(i => Is(i.Type, SecondOpinion.TaskInputSystem, SecondOpinion.ReviewedCaseInput));
        task.Input.Add(new FhirTask.ParameterComponent
        {
            Type = Concept(SecondOpinion.TaskInputSystem, SecondOpinion.ReviewedCaseInput, "Case-bundle version reviewed"),
            Value = new Identifier(CaseBundleIdentifier.System, reviewedVersion),
        });
    }

    /// <summary>
    /// Marks a completed Task whose patient case changed after its report (issue #6): an input flag with the time
    /// the first later change was written (searchable by anyone reading the Task) and a note saying what changed.
    /// </summary>
    public static void FlagCaseChanged(FhirTask task, string changed, DateTimeOffset when)
    {
        task.Input.Add(new FhirTask.ParameterComponent
        {
            Type = Concept(SecondOpinion.TaskInputSystem, SecondOpinion.CaseChangedInput, "Case changed after the report"),
            Value = new FhirDateTime(when),
        });
        task.Note.Add(new Annotation
        {
            Time = when.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
            Text = $"The patient's case changed after this report was issued ({changed} was written); the report reviewed an earlier case-bundle version.",
        });
    }

    // CodeableConcept(system, code, text) would put the display into text: the coding carries it here.
    private static CodeableConcept Concept(string system, string code, string display) => new() { Coding = [new Coding(system, code, display)] };

    private static bool Is(CodeableConcept? concept, string system, string code) =>
        concept?.Coding.Any(c => c.System == system && c.Code == code) == true;
}
