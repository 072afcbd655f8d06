using FhirOncology.Api.Formatting;
using FhirOncology.Core.Audit;
using FhirOncology.Core.Security;
using Hl7.Fhir.Model;

namespace FhirOncology.Api.Endpoints;

/// <summary>
/// <c>GET|POST [base]/$verify-audit-chain</c> (conformance/OperationDefinitions/OperationDefinition-verify-audit-chain.json):
/// walks the whole audit log and answers a Parameters with valid, checked, firstInvalidSequence (when broken),
/// message and lastHash. Server administration: it needs an administrator, and reveals no audit content.
/// </summary>
internal static class AuditChainHandlers
{
    internal static async Task<IResult> VerifyAsync(AuditChainVerifier verifier, AccessPolicy policy, CancellationToken ct)
    {
        policy.RequireAdministrator();
        var report = await verifier.VerifyAsync(ct);
        var parameters = new Parameters();
        parameters.Add("valid", new FhirBoolean(report.Valid));
        parameters.Add("checked", new Integer(checked((int)report.Checked)));
        if (report.FirstInvalidSequence is { } sequence)
        {
            parameters.Add("firstInvalidSequence", new Integer(checked((int)sequence)));
        }

        parameters.Add("message", new FhirString(report.Message));
        parameters.Add("lastHash", new FhirString(report.LastHash));
        return FhirResult.Resource(StatusCodes.Status200OK, parameters);
    }
}
