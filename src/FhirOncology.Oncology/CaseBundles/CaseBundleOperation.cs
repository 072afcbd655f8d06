using FhirOncology.Core.Interactions;
using FhirOncology.Core.Operations;
using FhirOncology.Core.Serialization;

namespace FhirOncology.Oncology.CaseBundles;

/// <summary>
/// <c>GET [base]/ServiceRequest/{id}/$case-bundle</c> and <c>GET [base]/Task/{id}/$case-bundle</c> (issue #6): every
/// resource of the referral's patient case the caller may see, as one version-pinned collection Bundle whose
/// identifier is the case-bundle version (<see cref="CaseBundleVersion"/>). The referral itself is read with the
/// caller's access, so an unknown or invisible one is 404 (http.html#read).
/// </summary>
public sealed class CaseBundleOperation(ResourceService resources, CaseBundleBuilder builder, FhirSerializer serializer) : IFhirOperation
{
    public string Name => "case-bundle";

    public OperationLevel Levels => OperationLevel.Instance;

    public IReadOnlyList<string> Types { get; } = ["ServiceRequest", "Task"];

    public string Definition => "https://fhironcology.org/fhir/OperationDefinition/case-bundle";

    public bool AffectsState => false;

    public async Task<OperationResult> ExecuteAsync(OperationRequest request, CancellationToken ct)
    {
        var referral = await resources.ReadAsync(request.Type!, request.Id!, ct);
        var patient = CasePatient.Of(serializer.Parse(referral.Json.Span, FhirFormat.Json));
        var gathered = await builder.GatherAsync(patient, ct);
        return new OperationResult(builder.ToBundle(gathered, request.BaseUrl));
    }
}
