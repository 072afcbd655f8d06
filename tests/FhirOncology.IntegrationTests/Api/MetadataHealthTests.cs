using System.Net;
using FhirOncology.IntegrationTests.Infrastructure;
using Hl7.Fhir.Model;

namespace FhirOncology.IntegrationTests.Api;

/// <summary>The CapabilityStatement (http.html#capabilities) and the health endpoints.</summary>
public sealed class MetadataHealthTests(FhirServerFactory factory) : IClassFixture<FhirServerFactory>
{
    private static readonly string[] ReferralTypes =
    [
        "Patient", "Practitioner", "PractitionerRole", "Organization", "Condition", "Observation", "DiagnosticReport",
        "Specimen", "Procedure", "MedicationRequest", "MedicationAdministration", "MedicationStatement", "ServiceRequest",
        "Task", "DocumentReference", "Binary", "Bundle", "Composition", "ResearchStudy", "ResearchSubject", "Consent",
        "Communication", "CommunicationRequest", "CarePlan", "BodyStructure", "FamilyMemberHistory", "Group",
        "Subscription", "AuditEvent", "Provenance",
    ];

    private readonly HttpClient _client = factory.CreateClient();

    private static readonly string[] ConformanceTypes = ["StructureDefinition", "CodeSystem", "ValueSet", "SearchParameter", "OperationDefinition"];

    [Fact]
    public async Task Metadata_ConformanceResources_AreReadAndSearchOnly()
    {
        var statement = await (await _client.GetAsync("/fhir/metadata")).ReadAsync<CapabilityStatement>();

        Assert.All(statement.Rest[0].Resource.Where(r => ConformanceTypes.Contains(r.Type)), resource => Assert.Equal(
            [CapabilityStatement.TypeRestfulInteraction.Read, CapabilityStatement.TypeRestfulInteraction.SearchType],
            resource.Interaction.Select(i => i.Code!.Value)));
    }

    [Fact]
    public async Task Metadata_DescribesExactlyTheImplementedInteractions()
    {
        var response = await _client.GetAsync("/fhir/metadata");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var statement = await response.ReadAsync<CapabilityStatement>();

        Assert.Equal(FHIRVersion.N4_0_1, statement.FhirVersion);
        Assert.Equal(CapabilityStatementKind.Instance, statement.Kind);
        Assert.Equal(["application/fhir+json", "application/fhir+xml"], statement.Format);
        var rest = Assert.Single(statement.Rest);
        // The stored types, then our read-only conformance resources (issue #6).
        Assert.Equal(ReferralTypes.Order(StringComparer.Ordinal).Concat(ConformanceTypes), rest.Resource.Select(r => r.Type));
        Assert.Equal(
            [CapabilityStatement.SystemRestfulInteraction.HistorySystem, CapabilityStatement.SystemRestfulInteraction.SearchSystem,
             CapabilityStatement.SystemRestfulInteraction.Transaction, CapabilityStatement.SystemRestfulInteraction.Batch],
            rest.Interaction.Select(i => i.Code!.Value));
        Assert.Equal(["reindex", "verify-audit-chain"], rest.Operation.Select(o => o.Name));
        foreach (var resource in rest.Resource.Where(r => !ConformanceTypes.Contains(r.Type)))
        {
            // AuditEvent is written by the server only, Provenance is append-only (issue #5): no more is claimed.
            var (interactions, creates, deletes) = resource.Type switch
            {
                "AuditEvent" => (5, false, false),
                "Provenance" => (6, true, false),
                _ => (9, true, true),
            };
            Assert.Equal(interactions, resource.Interaction.Count);
            Assert.Contains(resource.Interaction, i => i.Code == CapabilityStatement.TypeRestfulInteraction.SearchType);
            Assert.Contains(resource.SearchParam, p => p.Name == "_id");
            Assert.Contains(resource.SearchParam, p => p.Name == "_lastUpdated");
            Assert.Contains("*", resource.SearchInclude);
            Assert.Equal(CapabilityStatement.ResourceVersionPolicy.VersionedUpdate, resource.Versioning);
            Assert.Equal(creates, resource.ConditionalCreate);
            Assert.Equal(deletes ? CapabilityStatement.ConditionalDeleteStatus.Single : CapabilityStatement.ConditionalDeleteStatus.NotSupported, resource.ConditionalDelete);
        }
    }

    [Fact]
    public async Task Metadata_ListsTheReferralSearchParameters()
    {
        var statement = await (await _client.GetAsync("/fhir/metadata")).ReadAsync<CapabilityStatement>();
        var observation = statement.Rest[0].Resource.Single(r => r.Type == "Observation");
        var task = statement.Rest[0].Resource.Single(r => r.Type == "Task");

        Assert.Contains(observation.SearchParam, p => p.Name == "code-value-quantity" && p.Type == SearchParamType.Composite);
        Assert.Contains(observation.SearchParam, p => p.Name == "subject" && p.Type == SearchParamType.Reference);
        Assert.Contains(task.SearchParam, p => p.Name == "owner");
        Assert.Contains("Observation:subject", statement.Rest[0].Resource.Single(r => r.Type == "Patient").SearchRevInclude);
    }

    [Fact]
    public async Task Metadata_InXml_IsServed()
    {
        var response = await _client.GetAsync("/fhir/metadata?_format=xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<CapabilityStatement", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_Endpoints_ReportHealthy(string path)
    {
        var response = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
