using System.Net;
using FhirOncology.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;
using SubscriptionStatus = Hl7.Fhir.Model.Subscription.SubscriptionStatus;

namespace FhirOncology.IntegrationTests.Subscriptions;

/// <summary>
/// What a client may ask for (subscription.html): status requested or off only, the server activating it; rest-hook
/// to an allowed absolute https endpoint; an fhir+json or empty payload; header lines; criteria this server
/// evaluates exactly; and a scope that lets the client read what it subscribes to.
/// </summary>
public sealed class SubscriptionResourceTests(SubscriptionResourceTests.Server server) : IClassFixture<SubscriptionResourceTests.Server>
{
    private const string Endpoint = "https://ehr.example.org/fhir/notify";
    private readonly HttpClient _client = server.CreateClient();

    /// <summary>Endpoints limited to one EHR; plain http refused even in Development.</summary>
    public sealed class Server : FhirServerFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Subscriptions:AllowedEndpointPrefixes:0"] = "https://ehr.example.org/fhir/",
            ["Subscriptions:AllowedEndpointPrefixes:1"] = "http://localhost:9/",
            ["Subscriptions:AllowHttpEndpoints"] = "false",
            ["Auth:ClientOrganizations:narrow-client"] = "org-narrow",
        };
    }

    [Fact]
    public async Task Create_Requested_IsActivatedByTheServer()
    {
        var response = await _client.PostAsync("/fhir/Subscription", FhirHttp.Json(Valid()));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadAsync<Subscription>();
        Assert.Equal(SubscriptionStatus.Active, created.Status);
        Assert.Equal(SubscriptionStatus.Active, (await (await _client.GetAsync($"/fhir/Subscription/{created.Id}")).ReadAsync<Subscription>()).Status);
    }

    [Fact]
    public async Task Create_OffOrPastItsEnd_IsOff()
    {
        var off = Valid();
        off.Status = SubscriptionStatus.Off;
        var ended = Valid();
        ended.End = DateTimeOffset.UtcNow.AddMinutes(-1);

        Assert.Equal(SubscriptionStatus.Off, (await _client.CreateAsync(off)).Status);
        Assert.Equal(SubscriptionStatus.Off, (await _client.CreateAsync(ended)).Status); // Subscription.end: the server turns it off
    }

    [Fact]
    public async Task Update_MustRequestAgain_AndIsActivatedAgain()
    {
        var created = await _client.CreateAsync(Valid());
        created.Channel.Header = ["X-Tenant: oncology"];

        var asActive = await _client.PutAsync($"/fhir/Subscription/{created.Id}", FhirHttp.Json(created));
        created.Status = SubscriptionStatus.Requested;
        var requested = await _client.UpdateAsync(created);

        await asActive.AssertOutcomeAsync(HttpStatusCode.BadRequest, OperationOutcome.IssueType.Invalid);
        Assert.Equal((SubscriptionStatus.Active, "2"), (requested.Status, requested.Meta.VersionId));
    }

    public static TheoryData<string, string, string> Invalid => new()
    {
        { "status", "active", "Subscription.status" },
        { "status", "error", "Subscription.status" },
        { "channel.type", "websocket", "Subscription.channel.type" },
        { "channel.endpoint", "notify", "Subscription.channel.endpoint" },
        { "channel.endpoint", "https://ehr.example.org.evil.test/fhir/notify", "Subscription.channel.endpoint" },
        { "channel.endpoint", "https://ehr.example.org/other/notify", "Subscription.channel.endpoint" },
        { "channel.endpoint", "https://ehr.example.org/fhirish/notify", "Subscription.channel.endpoint" },
        { "channel.endpoint", "http://localhost:9/notify", "Subscription.channel.endpoint" },
        { "channel.endpoint", "https://user:secret@ehr.example.org/fhir/notify", "Subscription.channel.endpoint" },
        { "channel.payload", "application/fhir+xml", "Subscription.channel.payload" },
        { "channel.header", "NoColonHere", "Subscription.channel.header[0]" },
        { "channel.header", "Host: evil.test", "Subscription.channel.header[0]" },
        { "criteria", "Task?no-such-parameter=1", "Subscription.criteria" },
        { "criteria", "Task?_count=5", "Subscription.criteria" },
        { "criteria", "Spaceship?status=ready", "Subscription.criteria" },
        { "criteria", "Subscription?status=active", "Subscription.criteria" },
        { "criteria", "/Task?status=ready", "Subscription.criteria" },
        { "criteria", "Task?focus:ServiceRequest.identifier=urn:referrer|1", "Subscription.criteria" },
        { "criteria", "Task?_has:Provenance:target:agent=Organization/org-a", "Subscription.criteria" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Create_WhatTheServerCannotHonour_Is400WithTheElement(string element, string value, string expression)
    {
        var subscription = Valid();
        switch (element)
        {
            case "status": subscription.Status = Enum.Parse<SubscriptionStatus>(value, ignoreCase: true); break;
            case "channel.type": subscription.Channel.Type = Subscription.SubscriptionChannelType.Websocket; break;
            case "channel.endpoint": subscription.Channel.Endpoint = value; break;
            case "channel.payload": subscription.Channel.Payload = value; break;
            case "channel.header": subscription.Channel.Header = [value]; break;
            default: subscription.Criteria = value; break;
        }

        var response = await _client.PostAsync("/fhir/Subscription", FhirHttp.Json(subscription));

        var outcome = await response.AssertOutcomeAsync(HttpStatusCode.BadRequest);
        Assert.Contains(outcome.Issue, issue => issue.Expression.Contains(expression));
    }

    [Fact]
    public async Task Create_WithAQueryConstrainedScopeOnTheCriteriaType_Is403()
    {
        var narrow = server.CreateClient(TestIssuer.Shared.CreateToken("narrow-client", "system/Subscription.cruds system/Task.rs?status=completed"));

        var response = await narrow.PostAsync("/fhir/Subscription", FhirHttp.Json(Valid()));

        await response.AssertOutcomeAsync(HttpStatusCode.Forbidden, OperationOutcome.IssueType.Forbidden);
    }

    private static Subscription Valid() => Notifications.Subscription(Endpoint, Guid.NewGuid().ToString("N"));
}
