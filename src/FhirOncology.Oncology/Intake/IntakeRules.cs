using FhirOncology.Core.Errors;
using FhirOncology.Core.Security;
using Hl7.Fhir.Model;

namespace FhirOncology.Oncology.Intake;

/// <summary>
/// The referral-level rules no single-resource profile can state (issue #6, Intake; DOMAIN.md §1.1): one Patient;
/// the referral ServiceRequest and its Task present and linked (Task.focus → the ServiceRequest, Task.for and
/// ServiceRequest.subject → the Patient); every resource about a patient about that one; the Task owned by a
/// reviewing organisation of this server. Each violation names its entry and element.
/// </summary>
internal static class IntakeRules
{
    private static readonly string[] SubjectElements = ["subject", "patient"];

    public static IReadOnlyList<FhirIssue> Check(ReferralBundle referral, ICollection<string> reviewingOrganizations)
    {
        var issues = new List<FhirIssue>();
        CheckPatients(referral, issues);
        CheckWorkflowResources(referral, issues);
        if (referral.Task is { } taskEntry && referral.ReferralTask is { } task)
        {
            if (referral.ServiceRequest is { } serviceRequest && referral.Resolve(task.Focus?.Reference) != serviceRequest)
            {
                issues.Add(Issue(taskEntry, "focus", $"Task.focus must reference the referral ServiceRequest of this Bundle, {serviceRequest.Location}."));
            }

            if (referral.Patient is { } patient && referral.Resolve(task.For?.Reference) != patient)
            {
                issues.Add(Issue(taskEntry, "for", $"Task.for must reference the Patient of this Bundle, {patient.Location}."));
            }

            if (OwnerProblem(task, reviewingOrganizations) is { } problem)
            {
                issues.Add(Issue(taskEntry, "owner", problem));
            }
        }

        if (referral.Patient is { } referred)
        {
            CheckSubjects(referral, referred, issues);
        }

        return issues;
    }

    /// <summary>The owner rule on its own, for a referral Task written outside a referral Bundle.</summary>
    public static string? OwnerProblem(Hl7.Fhir.Model.Task task, ICollection<string> reviewingOrganizations) =>
        LocalReference.TryParse(task.Owner?.Reference) is { Type: "Organization" } owner && reviewingOrganizations.Contains(owner.Id)
            ? null
            : $"Task.owner must be a reviewing organisation of this server ({Known(reviewingOrganizations)}); got '{task.Owner?.Reference ?? "(none)"}'.";

    private static void CheckPatients(ReferralBundle referral, List<FhirIssue> issues)
    {
        if (referral.Patients.Count == 0)
        {
            issues.Add(new FhirIssue(OperationOutcome.IssueSeverity.Error, OperationOutcome.IssueType.BusinessRule,
                "A referral Bundle holds exactly one Patient, the patient referred; this one holds none.", "Bundle.entry"));
        }

        foreach (var extra in referral.Patients.Skip(1))
        {
            issues.Add(Issue(extra, null, $"A referral is about exactly one patient; {referral.Patients[0].Location} is already its Patient."));
        }
    }

    private static void CheckWorkflowResources(ReferralBundle referral, List<FhirIssue> issues)
    {
        if (referral.ServiceRequests.Count == 0)
        {
            issues.Add(Missing("The referral ServiceRequest (meta.profile " + Referrals.ReferralCanonicals.ServiceRequestProfile + ") is missing."));
        }

        foreach (var extra in referral.ServiceRequests.Skip(1))
        {
            issues.Add(Issue(extra, null, $"A referral Bundle holds one referral ServiceRequest; {referral.ServiceRequests[0].Location} is already it."));
        }

        if (referral.Tasks.Count == 0)
        {
            issues.Add(Missing("The referral Task (meta.profile " + Referrals.ReferralCanonicals.TaskProfile + ") is missing."));
        }

        foreach (var extra in referral.Tasks.Skip(1))
        {
            issues.Add(Issue(extra, null, $"A referral Bundle holds one referral Task; {referral.Tasks[0].Location} is already it."));
        }
    }

    /// <summary>Every subject/patient that is a Patient must be the referred one (references to other kinds of subject, e.g. a Group, are not checked).</summary>
    private static void CheckSubjects(ReferralBundle referral, BundleEntry patient, List<FhirIssue> issues)
    {
        foreach (var entry in referral.Entries.Where(e => e != patient))
        {
            foreach (var (name, value) in entry.Resource.EnumerateElements())
            {
                if (!SubjectElements.Contains(name) || value is not ResourceReference { Reference: { } reference })
                {
                    continue;
                }

                var target = referral.Resolve(reference);
                var isPatient = target is not null ? target.Resource is Patient : LocalReference.TryParse(reference) is { Type: "Patient" };
                var unresolved = target is null && referral.ServiceRequest == entry; // the referral's subject must be in the Bundle
                if ((isPatient || unresolved) && target != patient)
                {
                    issues.Add(Issue(entry, name, $"{entry.Resource.TypeName}.{name} must reference the Patient of this Bundle, {patient.Location}; got '{reference}'."));
                }
            }
        }
    }

    private static FhirIssue Issue(BundleEntry entry, string? element, string message) =>
        new(OperationOutcome.IssueSeverity.Error, OperationOutcome.IssueType.BusinessRule, $"{entry.Describe}: {message}",
            element is null ? entry.Location + ".resource" : $"{entry.Location}.resource.{element}");

    private static FhirIssue Missing(string message) =>
        new(OperationOutcome.IssueSeverity.Error, OperationOutcome.IssueType.BusinessRule, message, "Bundle.entry");

    private static string Known(ICollection<string> organizations) =>
        organizations.Count == 0 ? "none is configured in Referrals:ReviewingOrganizations"
            : string.Join(", ", organizations.Select(id => "Organization/" + id));
}
