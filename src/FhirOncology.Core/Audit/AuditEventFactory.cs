using System.Text;
using FhirOncology.Core.Security;
using Hl7.Fhir.Model;

namespace FhirOncology.Core.Audit;

/// <summary>
/// Builds the AuditEvent for one request, after IHE BALP's RESTful patterns (profiles.ihe.net/ITI/BALP): type
/// <c>rest</c> with the interaction as subtype, action, recorded, outcome from the HTTP status; the client (its
/// client id, network address) and the user (fhirUser) as requesting agents acting on behalf of their organisation;
/// this server as the source; the resource, the patients and, for searches, the raw query as entities.
/// </summary>
public static class AuditEventFactory
{
    public const string Anonymous = "anonymous";
    public const string ServerName = "FhirOncology FHIR server";
    private const string EventType = "http://terminology.hl7.org/CodeSystem/audit-event-type";
    private const string RestfulInteraction = "http://hl7.org/fhir/restful-interaction";
    private const string Dicom = "http://dicom.nema.org/resources/ontology/DCM";
    private const string ParticipationType = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    private const string EntityType = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
    private const string ObjectRole = "http://terminology.hl7.org/CodeSystem/object-role";
    private const string SourceType = "http://terminology.hl7.org/CodeSystem/security-source-type";
    private const string BalpEntityType = "https://profiles.ihe.net/ITI/BALP/CodeSystem/BasicAuditEntityType";
    private const string OnBehalfOf = "http://hl7.org/fhir/StructureDefinition/auditevent-OnBehalfOf";

    public static AuditEvent Create(AuditRecord record, IReadOnlyCollection<string> patients)
    {
        var auditEvent = new AuditEvent
        {
            Type = new Coding(EventType, "rest", "Restful Operation"),
            Action = Action(record.Interaction, record.Method),
            Recorded = record.Recorded,
            Outcome = Outcome(record.Status),
            OutcomeDesc = "HTTP " + record.Status.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Agent = Agents(record),
            Source = new AuditEvent.SourceComponent
            {
                Site = record.BaseUrl,
                Observer = new ResourceReference { Identifier = new Identifier("urn:ietf:rfc:3986", record.BaseUrl), Display = ServerName },
                Type = [new Coding(SourceType, "4", "Application Server")],
            },
        };
        if (record.Interaction is { } interaction)
        {
            auditEvent.Subtype.Add(new Coding(RestfulInteraction, interaction, interaction));
        }

        if (record.Target is { } target)
        {
            var what = $"{target.Key.Type}/{target.Key.Id}" + (target.VersionId is { } version ? $"/_history/{version}" : "");
            auditEvent.Entity.Add(Entity(new ResourceReference(what), "2", "System Object", "4", "Domain Resource"));
        }

        foreach (var patient in patients)
        {
            auditEvent.Entity.Add(Entity(new ResourceReference("Patient/" + patient), "1", "Person", "1", "Patient"));
        }

        if (record.Query is { } query)
        {
            // BALP Query: the raw request, base64 (base64Binary), so even malformed or malicious input is kept exactly.
            var entity = Entity(null, "2", "System Object", "24", "Query");
            entity.Query = Encoding.UTF8.GetBytes(query);
            auditEvent.Entity.Add(entity);
        }

        auditEvent.Entity.Add(new AuditEvent.EntityComponent
        {
            What = new ResourceReference { Identifier = new Identifier { Value = record.RequestId } },
            Type = new Coding(BalpEntityType, "XrequestId", "X-Request-Id"),
        });
        return auditEvent;
    }

    /// <summary>BALP: create C, read/vread/history R, update/patch U, delete D; searches, operations and Bundles E.</summary>
    public static AuditEvent.AuditEventAction Action(string? interaction, string method) => interaction switch
    {
        "create" => AuditEvent.AuditEventAction.C,
        "read" or "vread" or "capabilities" or "history-instance" or "history-type" or "history-system" => AuditEvent.AuditEventAction.R,
        "update" or "patch" => AuditEvent.AuditEventAction.U,
        "delete" => AuditEvent.AuditEventAction.D,
        null when method is "GET" or "HEAD" => AuditEvent.AuditEventAction.R,
        _ => AuditEvent.AuditEventAction.E,
    };

    /// <summary>audit-event-outcome: 0 success, 4 minor failure (the request was refused, 4xx), 8 serious failure (5xx).</summary>
    public static AuditEvent.AuditEventOutcome Outcome(int status) => status switch
    {
        < 400 => AuditEvent.AuditEventOutcome.N0,
        < 500 => AuditEvent.AuditEventOutcome.N4,
        _ => AuditEvent.AuditEventOutcome.N8,
    };

    private static List<AuditEvent.AgentComponent> Agents(AuditRecord record)
    {
        var caller = record.Caller;
        var client = new AuditEvent.AgentComponent
        {
            // IHE IUA / SMART: the OAuth client is an Application; altId keeps its id searchable (AuditEvent?altid=).
            Type = new CodeableConcept(Dicom, "110150", "Application"),
            Who = caller is null
                ? new ResourceReference { Display = Anonymous }
                : new ResourceReference { Identifier = new Identifier(ProvenanceFactory.ClientIdSystem, caller.ClientId), Display = caller.ClientId },
            AltId = caller?.ClientId ?? Anonymous,
            Requestor = true,
        };
        if (record.RemoteAddress is { } address)
        {
            client.Network = new AuditEvent.NetworkComponent { Address = address, Type = AuditEvent.AuditEventAgentNetworkType.N2 };
        }

        var agents = new List<AuditEvent.AgentComponent> { client };
        if (caller?.FhirUser is { } user)
        {
            agents.Add(new AuditEvent.AgentComponent
            {
                Type = new CodeableConcept(ParticipationType, "IRCP", "information recipient"),
                Who = new ResourceReference(user),
                Requestor = true,
            });
        }

        if (caller?.PrimaryOrganizationId is { } organization)
        {
            foreach (var agent in agents)
            {
                agent.Extension.Add(new Extension(OnBehalfOf, new ResourceReference("Organization/" + organization)));
            }
        }

        return agents;
    }

    private static AuditEvent.EntityComponent Entity(ResourceReference? what, string type, string typeDisplay, string role, string roleDisplay) => new()
    {
        What = what,
        Type = new Coding(EntityType, type, typeDisplay),
        Role = new Coding(ObjectRole, role, roleDisplay),
    };
}
