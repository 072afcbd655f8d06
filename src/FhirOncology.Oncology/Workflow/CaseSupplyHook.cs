using FhirOncology.Core.Interactions;
using FhirOncology.Core.Security;
using FhirOncology.Oncology.Referrals;
using Hl7.Fhir.Model;

namespace FhirOncology.Oncology.Workflow;

/// <summary>
/// "When the EHR supplies them the case resumes" (issue #6, Intake): after a write of a kind of record the
/// completeness check looks for, every referral Task of that patient that the server put on hold for missing records
/// is checked again, in the same transaction — resumed when nothing is missing any more, its CommunicationRequest
/// brought up to date otherwise.
/// </summary>
internal sealed class CaseSupplyHook(CaseRecords records, InformationRequests requests) : IWriteHook
{
    private const int MaxTasks = 20;

    private static readonly HashSet<string> RecordTypes = new(StringComparer.Ordinal)
    {
        "Condition", "Observation", "DiagnosticReport", "DocumentReference",
        "Procedure", "MedicationRequest", "MedicationStatement", "MedicationAdministration",
    };

    public Task BeforeSaveAsync(WriteContext context, CancellationToken ct) => Task.CompletedTask;

    public async Task AfterSaveAsync(WriteContext context, CancellationToken ct)
    {
        if (context.Resource is not { } resource || !RecordTypes.Contains(resource.TypeName) || PatientOf(resource) is not { } patient)
        {
            return;
        }

        var held = await records.FindAsync(context.Transaction, "Task",
        [
            ("patient", "Patient/" + patient), ("status", "on-hold"), ("_profile", ReferralCanonicals.TaskProfile),
            ("business-status", ReferralCanonicals.BusinessStatus + "|" + ReferralResources.AwaitingInformation),
        ], MaxTasks, ct);
        foreach (var id in held)
        {
            await requests.ApplyAsync(context.Transaction, context.Writer, new Core.Storage.ResourceKey("Task", id), ct);
        }
    }

    private static string? PatientOf(Resource resource)
    {
        var reference = resource.EnumerateElements()
            .Where(e => e.Key is "subject" or "patient")
            .Select(e => (e.Value as ResourceReference)?.Reference)
            .FirstOrDefault(r => r is not null);
        return LocalReference.TryParse(reference) is { Type: "Patient" } patient ? patient.Id : null;
    }
}
