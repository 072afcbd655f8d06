using FhirOncology.Oncology.Referrals;
using FhirOncology.Core.Conditional;
using FhirOncology.Core.Errors;
using FhirOncology.Core.Indexing;
using FhirOncology.Core.Resources;

namespace FhirOncology.UnitTests.Core.Conditional;

public sealed class CriteriaParserTests
{
    private static readonly CriteriaParser Parser = new(new SearchParameterCatalog(new ResourceTypeRegistry([ReferralResourceTypes.All])));

    [Theory]
    [InlineData("identifier=urn:sys|123", "urn:sys", "123")]
    [InlineData("identifier=123", null, "123")]
    [InlineData("identifier=|123", "", "123")]
    [InlineData("identifier=urn:sys|", "urn:sys", null)]
    [InlineData("Patient?identifier=urn%3Asys%7C123", "urn:sys", "123")]
    [InlineData("identifier=a\\|b", null, "a|b")] // search.html#escaping
    public void Parse_TokenForms_FollowSearchSpec(string query, string? system, string? code)
    {
        var criterion = Assert.Single(Parser.Parse("Patient", query));
        Assert.Equal("identifier", criterion.ParamCode);
        Assert.Equal(new TokenValue(system, code), Assert.Single(criterion.Values));
    }

    [Fact]
    public void Parse_CommaSeparatedValues_AreAlternatives()
    {
        var criterion = Assert.Single(Parser.Parse("Patient", "identifier=a,b\\,c"));
        Assert.Equal([new TokenValue(null, "a"), new TokenValue(null, "b,c")], criterion.Values);
    }

    [Fact]
    public void Parse_SeveralParameters_AreAllKeptAndResultParametersSkipped()
    {
        var criteria = Parser.Parse("Patient", "identifier=1&gender=female&_id=x&_format=json");
        Assert.Equal(["identifier", "gender", "_id"], criteria.Select(c => c.ParamCode));
    }

    [Theory]
    [InlineData("name=Smith")]
    [InlineData("identifier:not=1")]
    [InlineData("organization.name=x")]
    [InlineData("identifier=")]
    [InlineData("identifier")]
    [InlineData("_format=json")]
    [InlineData("_id=a|b")]
    public void Parse_UnsupportedOrMalformed_ThrowsBadRequest(string query)
    {
        var error = Assert.Throws<FhirException>(() => Parser.Parse("Patient", query));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.Status);
    }
}
