using FhirOncology.Core.Errors;
using FhirOncology.Core.Security;
using Hl7.Fhir.Model;

namespace FhirOncology.Oncology.CaseBundles;

/// <summary>The patient whose case a referral (ServiceRequest.subject) or its Task (Task.for) is about.</summary>
public static class CasePatient
{
    public static string Of(Resource resource)
    {
        var subject = resource switch
        {
            ServiceRequest request => request.Subject,
            Hl7.Fhir.Model.Task task => task.For,
            _ => null,
        };
        return LocalReference.TryParse(subject?.Reference) is { Type: "Patient" } patient
            ? patient.Id
            : throw new FhirException(System.Net.HttpStatusCode.UnprocessableEntity, OperationOutcome.IssueType.BusinessRule,
                $"{resource.TypeName}/{resource.Id} is not about a Patient on this server, so it has no case.",
                resource is ServiceRequest ? "ServiceRequest.subject" : "Task.for");
    }
}
