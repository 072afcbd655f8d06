namespace FhirOncology.Oncology.Reports;

/// <summary>Canonical URLs and code systems of the second-opinion report (profiles/README.md).</summary>
public static class SecondOpinion
{
    private const string Base = "https://fhironcology.org/fhir";

    public const string DocumentProfile = Base + "/StructureDefinition/second-opinion-document";
    public const string ReportProfile = Base + "/StructureDefinition/second-opinion-report";
    public const string TaskProfile = Base + "/StructureDefinition/referral-task";
    public const string TaskOutputSystem = Base + "/CodeSystem/referral-task-output";
    public const string OutcomeSystem = Base + "/CodeSystem/review-outcome";
    public const string BusinessStatusSystem = Base + "/CodeSystem/referral-business-status";
    public const string ReportSectionSystem = Base + "/CodeSystem/report-section";

    /// <summary>
    /// Task.input types the server writes: <c>case-bundle-version</c> (the case the report reviewed) and
    /// <c>case-changed-after-report</c>, from profiles (CodeSystem referral-task-input); Task.input.type has an example
    /// binding only.
    /// </summary>
    public const string TaskInputSystem = Base + "/CodeSystem/referral-task-input";

    public const string ReportOutput = "report-document";
    public const string OutcomeOutput = "review-outcome";
    public const string OutcomeSection = "review-outcome";
    public const string ReportReady = "report-ready";
    public const string ReviewedCaseInput = "case-bundle-version";
    public const string CaseChangedInput = "case-changed-after-report";

    public static bool Claims(Hl7.Fhir.Model.Resource resource, string profile) => resource.Meta?.Profile?.Contains(profile) == true;
}
