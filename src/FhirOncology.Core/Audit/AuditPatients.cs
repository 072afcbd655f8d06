using FhirOncology.Core.Interactions;
using FhirOncology.Core.Security;

namespace FhirOncology.Core.Audit;

/// <summary>
/// The patients a search names, for the AuditEvent's patient entities (BALP PatientQuery: "the requestor includes a
/// Patient id … as a query parameter"): <c>patient=</c>, a Patient reference in any reference parameter
/// (<c>subject=Patient/1</c>, <c>subject:Patient=1</c>), and <c>_id</c> on Patient. Chains are not resolved.
/// Only what the caller wrote is used, so the audit record reveals nothing the caller did not already know.
/// </summary>
public static class AuditPatients
{
    private const string PatientType = "Patient";

    public static IReadOnlyList<string> FromSearch(string? type, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var patients = new List<string>();
        foreach (var (name, value) in parameters)
        {
            var colon = name.IndexOf(':', StringComparison.Ordinal);
            var code = colon < 0 ? name : name[..colon];
            var modifier = colon < 0 ? null : name[(colon + 1)..];
            if (code.Contains('.', StringComparison.Ordinal) || (code.StartsWith('_') && code != "_id"))
            {
                continue; // chains and result parameters name no patient directly
            }

            foreach (var item in value.Split(','))
            {
                if (Patient(type, code, modifier, item) is { } id && !patients.Contains(id, StringComparer.Ordinal))
                {
                    patients.Add(id);
                }
            }
        }

        return patients;
    }

    private static string? Patient(string? type, string code, string? modifier, string value)
    {
        if (LocalReference.TryParse(value) is { Type: PatientType } reference)
        {
            return reference.Id;
        }

        var plainId = (code == "patient" && modifier is null or PatientType)
            || modifier == PatientType
            || (type == PatientType && code == "_id" && modifier is null);
        return plainId && ResourceService.IsValidId(value) ? value : null;
    }
}
