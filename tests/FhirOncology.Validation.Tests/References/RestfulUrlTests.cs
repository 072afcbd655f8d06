using FhirOncology.Validation.References;

namespace FhirOncology.Validation.Tests.References;

/// <summary>RESTful URLs as bundle.html#references reads them: [base]/[type]/[id] with an optional /_history/[vid].</summary>
public sealed class RestfulUrlTests
{
    [Theory]
    [InlineData("Patient/123", "", "Patient", "123", null)]
    [InlineData("Patient/a-b.c/_history/7", "", "Patient", "a-b.c", "7")]
    [InlineData("http://example.org/fhir/Patient/123", "http://example.org/fhir/", "Patient", "123", null)]
    [InlineData("https://x.example:8080/r4/Observation/o1/_history/2", "https://x.example:8080/r4/", "Observation", "o1", "2")]
    public void Parse_RestfulUrl_Parts(string url, string @base, string type, string id, string? version)
    {
        var parsed = RestfulUrl.Parse(url);
        Assert.Equal(new RestfulUrl(@base, type, id, version), parsed);
        Assert.Equal($"{@base}{type}/{id}", parsed!.VersionIndependent);
    }

    [Theory]
    [InlineData("urn:uuid:0d4e8c3a-2d5b-4e36-9e63-4a0c6d4f5b11")]
    [InlineData("patient/123")]
    [InlineData("Patient/")]
    [InlineData("Patient/has space")]
    [InlineData("Patient/123/_history/")]
    [InlineData("ftp://example.org/Patient/123")]
    [InlineData("Patient?identifier=x|1")]
    [InlineData("#contained")]
    public void Parse_NotRestful_Null(string url) => Assert.Null(RestfulUrl.Parse(url));
}
