using System.Net;
using FhirOncology.Core;
using FhirOncology.Core.Errors;
using FhirOncology.Core.Indexing;
using FhirOncology.Core.Resources;
using FhirOncology.Core.Search;
using FhirOncology.Oncology.Referrals;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;

namespace FhirOncology.UnitTests.Core.Search;

public sealed class SearchQueryParserTests
{
    private static readonly SearchQueryParser Parser = new(
        new SearchParameterCatalog(new ResourceTypeRegistry([ReferralResourceTypes.All])), Options.Create(new FhirOptions()));

    private static ParameterClause Criterion(string query) =>
        Assert.IsType<ParameterClause>(Assert.Single(Parser.ParseCriteria("Patient", QueryString.Split(query))));

    private static SearchQuery Query(string type, string query, bool strict = true) =>
        Parser.Parse([type], [.. QueryString.Split(query)], strict).Query;

    [Theory]
    [InlineData("identifier=urn:sys|123", "urn:sys", "123")]
    [InlineData("identifier=123", null, "123")]
    [InlineData("identifier=|123", "", "123")]
    [InlineData("identifier=urn:sys|", "urn:sys", null)]
    [InlineData("Patient?identifier=urn%3Asys%7C123", "urn:sys", "123")]
    [InlineData("identifier=a\\|b", null, "a|b")] // search.html#escaping
    public void ParseCriteria_TokenForms_FollowSearchSpec(string query, string? system, string? code)
    {
        var clause = Criterion(query);
        Assert.Equal("identifier", clause.Code);
        Assert.Equal(new TokenValue(system, code), Assert.IsType<TokenSearchValue>(Assert.Single(clause.Values)).Token);
    }

    [Fact]
    public void ParseCriteria_CommaSeparatedValues_AreAlternatives()
    {
        var clause = Criterion("identifier=a,b\\,c");
        Assert.Equal([new TokenValue(null, "a"), new TokenValue(null, "b,c")], clause.Values.Cast<TokenSearchValue>().Select(v => v.Token));
    }

    [Theory]
    [InlineData("nonsense=1")]
    [InlineData("identifier:in=http://example.org/vs")]
    [InlineData("identifier:of-type=a|b")]
    [InlineData("identifier=")]
    [InlineData("identifier")]
    [InlineData("_format=json")]
    [InlineData("_count=1")]
    [InlineData("_id=a|b")]
    [InlineData("birthdate=31-12-1970")]
    public void ParseCriteria_UnsupportedOrMalformed_ThrowsBadRequest(string query)
    {
        var error = Assert.Throws<FhirException>(() => Parser.ParseCriteria("Patient", QueryString.Split(query)));
        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
    }

    [Theory]
    [InlineData("birthdate=ge1970", SearchPrefix.Ge)]
    [InlineData("birthdate=1970-03-04", SearchPrefix.Eq)]
    [InlineData("birthdate=sa1970-03", SearchPrefix.Sa)]
    public void Parse_DatePrefixes_AreRead(string query, SearchPrefix prefix)
    {
        var clause = Assert.IsType<ParameterClause>(Assert.Single(Query("Patient", query).Clauses));
        Assert.Equal(prefix, Assert.IsType<DateSearchValue>(Assert.Single(clause.Values)).Prefix);
    }

    [Fact]
    public void Parse_ChainAndHas_BuildNestedClauses()
    {
        var chain = Assert.IsType<ChainClause>(Assert.Single(Query("Observation", "subject:Patient.identifier=urn:mrn|1").Clauses));
        Assert.Equal(("subject", "Patient"), (chain.ReferenceCode, Assert.Single(chain.TargetTypes)));
        var has = Assert.IsType<HasClause>(Assert.Single(Query("Patient", "_has:Observation:subject:code=94076-7").Clauses));
        Assert.Equal(("Observation", "subject"), (has.SourceType, has.ReferenceCode));
    }

    [Fact]
    public void Parse_Lenient_IgnoresAndReportsUnknownParameters()
    {
        var parsed = Parser.Parse(["Patient"], [.. QueryString.Split("nonsense=1&family=smith")], strict: false);
        Assert.Single(parsed.Query.Clauses);
        Assert.Contains("nonsense", Assert.Single(parsed.Ignored).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ResultParameters_AreReadAndCountCapped()
    {
        var query = Query("Observation", "_count=100000&_sort=-_lastUpdated&_total=accurate&_include=Observation:subject&_revinclude:iterate=Provenance:target");
        Assert.Equal(new FhirOptions().MaxPageSize, query.Count);
        Assert.Equal(new SortParameter("_lastUpdated", SearchParamType.Date, true), Assert.Single(query.Sort));
        Assert.Equal(TotalMode.Accurate, query.Total);
        Assert.Equal(new IncludeRequest("Observation", "subject", null, false), Assert.Single(query.Includes));
        Assert.True(Assert.Single(query.RevIncludes).Iterate);
    }
}
