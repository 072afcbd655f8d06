using FhirOncology.Core.Resources;

namespace FhirOncology.Oncology.Referrals;

/// <summary>
/// The resource types a second-opinion referral and its review need (DOMAIN.md §1): the referral transaction's
/// clinical content, the workflow (ServiceRequest, Task, Communication*), the report document, trial matching,
/// notifications, and the audit trail.
/// </summary>
public static class ReferralResourceTypes
{
    public static readonly ServedResourceTypes All = new(
    [
        // Who: the patient and the people and organisations around the referral.
        "Patient", "Practitioner", "PractitionerRole", "Organization",
        // What: diagnosis, staging, biomarkers and genomics, specimens, family history.
        "Condition", "Observation", "DiagnosticReport", "Specimen", "BodyStructure", "FamilyMemberHistory",
        // Treatment so far.
        "Procedure", "MedicationRequest", "MedicationAdministration", "MedicationStatement", "CarePlan",
        // Documents: PDFs and the second-opinion report document.
        "DocumentReference", "Binary", "Bundle", "Composition",
        // The referral workflow (workflow-management.html, Task on the fulfiller) and requests for information.
        "ServiceRequest", "Task", "Communication", "CommunicationRequest", "Consent",
        // Clinical trials.
        "ResearchStudy", "ResearchSubject", "Group",
        // Notifications and accountability.
        "Subscription", "AuditEvent", "Provenance",
    ]);
}
