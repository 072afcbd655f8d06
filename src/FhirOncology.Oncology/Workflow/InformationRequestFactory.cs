using System.Net;
using FhirOncology.Oncology.Intake;
using FhirOncology.Oncology.Referrals;
using Hl7.Fhir.Model;
using FhirTask = Hl7.Fhir.Model.Task;

namespace FhirOncology.Oncology.Workflow;

/// <summary>
/// The CommunicationRequest that tells the referrer what a referral lacks (DOMAIN.md §1.2; communicationrequest.html):
/// from the reviewing organisation (sender, requester: Task.owner) to the referrer (recipient: Task.requester), about
/// the patient, based on the referral Task and about its ServiceRequest. Each missing record is a reasonCode from our
/// missing-record-kind CodeSystem (for machines) and a payload line (for people).
/// </summary>
internal static class InformationRequestFactory
{
    public static CommunicationRequest Create(FhirTask task, IReadOnlyList<RecordRequirement> missing, DateTimeOffset now)
    {
        var request = new CommunicationRequest
        {
            Status = RequestStatus.Active,
            BasedOn = [new ResourceReference("Task/" + task.Id)],
            About = task.Focus?.Reference is { } focus ? [new ResourceReference(focus)] : [],
            Subject = Copy(task.For),
            Recipient = task.Requester is null ? [] : [Copy(task.Requester)!],
            Sender = Copy(task.Owner),
            Requester = Copy(task.Owner),
            AuthoredOnElement = new FhirDateTime(now),
        };
        Describe(request, missing);
        return request;
    }

    /// <summary>Sets reasonCode, payload and narrative to the missing records.</summary>
    public static void Describe(CommunicationRequest request, IReadOnlyList<RecordRequirement> missing)
    {
        request.ReasonCode = [.. missing.Select(m => new CodeableConcept(ReferralCanonicals.MissingRecordKind, m.Code, m.Display))];
        request.Payload = [.. missing.Select(m => new CommunicationRequest.PayloadComponent { Content = new FhirString($"{m.Display}: please send {m.Request}.") })];
        var items = string.Concat(missing.Select(m => $"<li>{WebUtility.HtmlEncode(m.Display)}: {WebUtility.HtmlEncode(m.Request)}</li>"));
        request.Text = new Narrative
        {
            Status = Narrative.NarrativeStatus.Generated,
            Div = $"<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>The second-opinion referral lacks these records; please send them:</p><ul>{items}</ul></div>",
        };
    }

    public static IReadOnlyList<string> MissingCodes(CommunicationRequest request) =>
        [.. request.ReasonCode.SelectMany(c => c.Coding).Where(c => c.System == ReferralCanonicals.MissingRecordKind).Select(c => c.Code ?? "")];

    private static ResourceReference? Copy(ResourceReference? reference) => (ResourceReference?)reference?.DeepCopy();
}
