using FhirOncology.Core.Audit;
using FhirOncology.Core.Security;
using FhirOncology.Core.Storage;
using Hl7.Fhir.Model;

namespace FhirOncology.UnitTests.Core.Audit;

public sealed class AuditEventFactoryTests
{
    private static AuditRecord Record(string? interaction, int status, Caller? caller = null, string method = "GET") => new(
        DateTimeOffset.UnixEpoch, method, interaction, status, caller, "192.0.2.1", "https://fhir.example/fhir", "req-1",
        new AuditTarget(new ResourceKey("Observation", "o1"), 3), null, []);

    [Theory]
    [InlineData("create", "POST", AuditEvent.AuditEventAction.C)]
    [InlineData("read", "GET", AuditEvent.AuditEventAction.R)]
    [InlineData("vread", "GET", AuditEvent.AuditEventAction.R)]
    [InlineData("history-type", "GET", AuditEvent.AuditEventAction.R)]
    [InlineData("update", "PUT", AuditEvent.AuditEventAction.U)]
    [InlineData("patch", "PATCH", AuditEvent.AuditEventAction.U)]
    [InlineData("delete", "DELETE", AuditEvent.AuditEventAction.D)]
    [InlineData("search-type", "GET", AuditEvent.AuditEventAction.E)]
    [InlineData("transaction", "POST", AuditEvent.AuditEventAction.E)]
    [InlineData("operation", "GET", AuditEvent.AuditEventAction.E)]
    [InlineData(null, "GET", AuditEvent.AuditEventAction.R)]
    [InlineData(null, "POST", AuditEvent.AuditEventAction.E)]
    public void Action_FollowsBalp(string? interaction, string method, AuditEvent.AuditEventAction expected) =>
        Assert.Equal(expected, AuditEventFactory.Action(interaction, method));

    [Theory]
    [InlineData(200, AuditEvent.AuditEventOutcome.N0)]
    [InlineData(304, AuditEvent.AuditEventOutcome.N0)]
    [InlineData(401, AuditEvent.AuditEventOutcome.N4)]
    [InlineData(422, AuditEvent.AuditEventOutcome.N4)]
    [InlineData(500, AuditEvent.AuditEventOutcome.N8)]
    [InlineData(503, AuditEvent.AuditEventOutcome.N8)]
    public void Outcome_ByStatusClass(int status, AuditEvent.AuditEventOutcome expected) =>
        Assert.Equal(expected, AuditEventFactory.Outcome(status));

    [Fact]
    public void Create_UserToken_RecordsClientAndUserOnBehalfOfTheOrganisation()
    {
        var caller = new Caller("reviewer-app", "PractitionerRole/r1", ["org-a", "org-b"], [], null);

        var auditEvent = AuditEventFactory.Create(Record("read", 200, caller), ["p1"]);

        Assert.Equal(2, auditEvent.Agent.Count);
        var (client, user) = (auditEvent.Agent[0], auditEvent.Agent[1]);
        Assert.Equal(("110150", "reviewer-app", "192.0.2.1"), (client.Type!.Coding[0].Code, client.Who!.Identifier!.Value, client.Network!.Address));
        Assert.Equal(("IRCP", "PractitionerRole/r1", true), (user.Type!.Coding[0].Code, user.Who!.Reference, user.Requestor));
        Assert.All(auditEvent.Agent, agent => Assert.Equal("Organization/org-a", (agent.Extension.Single().Value as ResourceReference)?.Reference));
        Assert.Equal(["Observation/o1/_history/3", "Patient/p1"], auditEvent.Entity.Select(e => e.What?.Reference).OfType<string>());
        Assert.Equal("req-1", auditEvent.Entity.Single(e => e.Type?.Code == "XrequestId").What!.Identifier!.Value);
    }

    [Fact]
    public void Create_NoCaller_RecordsAnAnonymousAgent()
    {
        var auditEvent = AuditEventFactory.Create(Record("read", 401), []);

        var agent = Assert.Single(auditEvent.Agent);
        Assert.Equal(("anonymous", "anonymous", true), (agent.Who!.Display, agent.AltId, agent.Requestor));
        Assert.Equal(AuditEvent.AuditEventOutcome.N4, auditEvent.Outcome);
        Assert.Equal("HTTP 401", auditEvent.OutcomeDesc);
    }
}
