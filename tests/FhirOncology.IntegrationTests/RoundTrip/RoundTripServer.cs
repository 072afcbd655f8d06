using FhirOncology.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;

namespace FhirOncology.IntegrationTests.RoundTrip;

/// <summary>
/// The server for the round trip: a referring EHR (client ehr-rt of org-rt-hospital) and the reviewing organisation
/// (client review-rt of org-rt-review, the only one in Referrals:ReviewingOrganizations), with fast Subscription
/// delivery (50 ms polls, 100 ms first retry) so a failed notification is retried within the test.
/// </summary>
public sealed class RoundTripServer : FhirServerFactory, IAsyncLifetime
{
    public const string Hospital = "org-rt-hospital";
    public const string ReviewCentre = "org-rt-review";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Auth:ClientOrganizations:ehr-rt"] = Hospital,
        ["Auth:ClientOrganizations:review-rt"] = ReviewCentre,
        ["Referrals:ReviewingOrganizations:0"] = ReviewCentre,
        ["Subscriptions:AllowHttpEndpoints"] = "true",
        ["Subscriptions:PollIntervalMilliseconds"] = "50",
        ["Subscriptions:BaseRetryDelayMilliseconds"] = "100",
        ["Subscriptions:MaxRetryDelayMilliseconds"] = "400",
        ["Subscriptions:MaxAttempts"] = "6",
    };

    /// <summary>The referring EHR.</summary>
    public HttpClient Ehr { get; private set; } = null!;

    /// <summary>The reviewing organisation's system.</summary>
    public HttpClient Reviewer { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Ehr = CreateClient(TestIssuer.Shared.CreateToken("ehr-rt", DefaultScopes));
        Reviewer = CreateClient(TestIssuer.Shared.CreateToken("review-rt", DefaultScopes));
        foreach (var (client, id, name) in new[] { (Ehr, Hospital, "Round-trip hospital (synthetic)"), (Reviewer, ReviewCentre, "Round-trip review centre (synthetic)") })
        {
            var response = await client.PutAsync("/fhir/Organization/" + id, FhirHttp.Json(new Organization { Id = id, Active = true, Name = name }));
            Assert.True(response.IsSuccessStatusCode, $"PUT Organization/{id}: {response.StatusCode}");
        }
    }
}
