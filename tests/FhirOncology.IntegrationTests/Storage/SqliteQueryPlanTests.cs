using Dapper;
using FhirOncology.Core.Search;
using FhirOncology.Storage.Dialects;
using FhirOncology.Storage.Search;
using FhirOncology.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FhirOncology.IntegrationTests.Storage;

/// <summary>
/// The common referral queries must be driven by the index tables' lookup indexes, never by a scan of the
/// Resource table or of an index table (issue #4: "check query plans on SQLite"). Plans come from SQLite's
/// EXPLAIN QUERY PLAN on exactly the SQL the server runs.
/// </summary>
public sealed class SqliteQueryPlanTests(FhirServerFactory factory) : IClassFixture<FhirServerFactory>
{
    [Theory]
    [InlineData("Observation", "subject=Patient/p1&code=http://loinc.org|8480-6")] // a patient's Observations by code
    [InlineData("Task", "owner=Organization/o1&status=requested")] // a reviewer's work list
    [InlineData("ServiceRequest", "requester=Practitioner/d1&authored=ge2026-01-01")] // referrals by requester and date
    [InlineData("ServiceRequest", "identifier=urn:fhironcology:referral|r1")] // one referral
    [InlineData("Observation", "subject:Patient.identifier=urn:mrn|123")] // chained
    [InlineData("Patient", "_has:Observation:subject:code=94076-7")] // reverse chain
    public async Task CommonQueries_UseLookupIndexes(string type, string parameters)
    {
        _ = factory.CreateClient(); // starts the host: migrations applied
        var parser = factory.Services.GetRequiredService<SearchQueryParser>();
        var runner = factory.Services.GetRequiredService<SearchRunner>();
        var dialect = factory.Services.GetRequiredService<SqlDialect>();
        var query = parser.Parse([type], [.. QueryString.Split(parameters)], strict: true).Query;
        var (sql, sqlParameters) = runner.PageSql(query, descending: false);

        await using var connection = await dialect.OpenAsync(TestContext.Current.CancellationToken);
        var plan = string.Join('\n', (await connection.QueryAsync<(long, long, long, string)>("EXPLAIN QUERY PLAN " + sql, sqlParameters)).Select(row => row.Item4));

        Assert.DoesNotMatch(@"(^|\n)SCAN (r|Resource|x\d+|t\d+|s\d+)( |$|\n)", plan); // no full scans
        Assert.DoesNotMatch(@"SEARCH x\d+ USING INDEX \w+ \(TargetType=\?\)", plan); // chains driven by their inner condition
        Assert.DoesNotMatch(@"(^|\n)SEARCH r USING INDEX \w+ \(ResourceType=\?\)", plan); // no walk over every resource of the type
        Assert.Contains("USING INDEX IX_", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WholeCase_IsDrivenByTheCaseMemberPatientIndex()
    {
        _ = factory.CreateClient();
        var runner = factory.Services.GetRequiredService<SearchRunner>();
        var dialect = factory.Services.GetRequiredService<SqlDialect>();
        // What SearchService.CaseMembersAsync asks for ($case-bundle, issue #6): every type, one patient's case.
        var query = new SearchQuery(["Condition", "Observation", "ServiceRequest", "Task"], [new PatientCaseClause("p1")], 500, null, [], TotalMode.None, false, [], []);
        var (sql, sqlParameters) = runner.PageSql(query, descending: false);

        await using var connection = await dialect.OpenAsync(TestContext.Current.CancellationToken);
        var plan = string.Join('\n', (await connection.QueryAsync<(long, long, long, string)>("EXPLAIN QUERY PLAN " + sql, sqlParameters)).Select(row => row.Item4));

        Assert.DoesNotMatch(@"(^|\n)SCAN (r|Resource|m\d+|r\d+)( |$|\n)", plan);
        Assert.Contains("IX_CaseMember_Patient", plan, StringComparison.Ordinal);
    }
}
