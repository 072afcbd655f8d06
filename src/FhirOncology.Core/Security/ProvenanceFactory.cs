using System.Globalization;
using FhirOncology.Core.Storage;
using Hl7.Fhir.Model;

namespace FhirOncology.Core.Security;

/// <summary>
/// The Provenance recorded with every write made on behalf of a client (issue #5; provenance.html): the
/// versioned target, when, the activity, and the agent from the access token — the user (fhirUser) or the
/// client, acting for its organisation.
/// </summary>
public static class ProvenanceFactory
{
    public const string ClientIdSystem = "https://fhironcology.org/fhir/sid/client-id";
    private const string DataOperation = "http://terminology.hl7.org/CodeSystem/v3-DataOperation";
    private const string ParticipantType = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";

    public static Provenance For(ResourceKey target, int versionId, DateTimeOffset recorded, WriteMethod method, Caller caller)
    {
        var agent = new Provenance.AgentComponent
        {
            Type = new CodeableConcept(ParticipantType, "author", "Author"),
            Who = caller.FhirUser is { } user
                ? new ResourceReference(user)
                : new ResourceReference { Identifier = new Identifier(ClientIdSystem, caller.ClientId), Display = caller.ClientId },
            OnBehalfOf = caller.PrimaryOrganizationId is { } organization ? new ResourceReference("Organization/" + organization) : null,
        };
        if (caller.FhirUser is not null)
        {
            // The software the user worked through.
            agent.Role = [new CodeableConcept { Text = "client " + caller.ClientId }];
        }

        return new Provenance
        {
            Target = [new ResourceReference(string.Create(CultureInfo.InvariantCulture, $"{target.Type}/{target.Id}/_history/{versionId}"))],
            Recorded = recorded,
            Activity = method switch
            {
                WriteMethod.Create => new CodeableConcept(DataOperation, "CREATE", "create"),
                WriteMethod.Delete => new CodeableConcept(DataOperation, "DELETE", "delete"),
                _ => new CodeableConcept(DataOperation, "UPDATE", "revise"),
            },
            Agent = [agent],
        };
    }
}
