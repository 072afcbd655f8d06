namespace FhirOncology.Core.Resources;

/// <summary>
/// The resource types this server serves: the ones a second-opinion referral and its workflow need (issue #2).
/// Any other type, even a valid R4 one, gets 404 "not supported" (http.html#3.1.0.3) and is absent from the
/// CapabilityStatement.
/// </summary>
public sealed class ResourceTypeRegistry
{
    private static readonly string[] Supported =
    [
        "AuditEvent", "Binary", "BodyStructure", "Bundle", "CarePlan", "Communication", "CommunicationRequest",
        "Composition", "Condition", "Consent", "DiagnosticReport", "DocumentReference", "FamilyMemberHistory", "Group",
        "MedicationAdministration", "MedicationRequest", "MedicationStatement", "Observation", "Organization", "Patient",
        "Practitioner", "PractitionerRole", "Procedure", "Provenance", "ResearchStudy", "ResearchSubject",
        "ServiceRequest", "Specimen", "Subscription", "Task",
    ];

    private readonly HashSet<string> _types = new(Supported, StringComparer.Ordinal);

    public IReadOnlyCollection<string> All => Supported;

    /// <summary>Case-sensitive, as resource type names are (http.html#3.1.0.1.1).</summary>
    public bool IsSupported(string type) => _types.Contains(type);
}
