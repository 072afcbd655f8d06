using System.Net;
using System.Text;
using FhirOncology.Core.Errors;
using FhirOncology.Core.Serialization;
using Hl7.Fhir.Model;

namespace FhirOncology.UnitTests.Core.Serialization;

public sealed class FhirSerializerTests
{
    private static readonly FhirSerializer Serializer = new();

    [Fact]
    public void Parse_JsonAndXml_GiveTheSameResource()
    {
        var json = Serializer.Parse("{\"resourceType\":\"Patient\",\"id\":\"p1\",\"gender\":\"male\"}"u8, FhirFormat.Json);
        var xml = Serializer.Parse(Encoding.UTF8.GetBytes("<Patient xmlns=\"http://hl7.org/fhir\"><id value=\"p1\"/><gender value=\"male\"/></Patient>"), FhirFormat.Xml);
        Assert.True(json.IsExactly(xml));
    }

    [Fact]
    public void Parse_ErrorsListEveryProblemAsIssues()
    {
        var error = Assert.Throws<FhirException>(() =>
            Serializer.Parse("{\"resourceType\":\"Patient\",\"unknownA\":1,\"birthDate\":\"1-1-1\"}"u8, FhirFormat.Json));
        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.True(error.Issues.Count >= 2);
        Assert.All(error.Issues, issue => Assert.Equal(OperationOutcome.IssueType.Structure, issue.Code));
    }

    [Fact]
    public void ToJsonBytes_KeepsPlusAndNonAsciiReadable()
    {
        var patient = new Patient { Name = [new HumanName { Family = "Ærø+Ü" }] };
        var json = Encoding.UTF8.GetString(Serializer.ToJsonBytes(patient));
        Assert.Contains("Ærø+Ü", json, StringComparison.Ordinal);
    }
}
