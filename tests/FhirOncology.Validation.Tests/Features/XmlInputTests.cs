using FhirOncology.Validation.Tests.Support;

namespace FhirOncology.Validation.Tests.Features;

/// <summary>XML input (xml.html) goes through the SDK's parser, then the same checks as JSON.</summary>
public sealed class XmlInputTests(ValidatorFixture fixture)
{
    private const string Ns = "xmlns=\"http://hl7.org/fhir\"";

    [Fact]
    public void Xml_ProfileRuleBroken_SameErrorAsJson()
    {
        var xml = $"<Observation {Ns}><meta><profile value=\"{Corpus.Base}/StructureDefinition/onc-test-observation\"/></meta>"
            + "<status value=\"preliminary\"/><code><text value=\"x\"/></code></Observation>";
        var report = fixture.Validator.ValidateXml(xml);
        report.HasError("Observation.status", "must be exactly \"final\"");
        report.HasError("Observation", "subject: at least 1 required");
    }

    [Fact]
    public void Xml_UnknownElement_ReportedByParser()
    {
        var report = fixture.Validator.ValidateXml($"<Patient {Ns}><colour value=\"red\"/><gender value=\"female\"/></Patient>");
        Assert.Contains(report.Errors, issue => issue.Message.Contains("colour", StringComparison.Ordinal));
    }

    [Fact]
    public void Xml_NotWellFormed_Fatal()
    {
        var report = fixture.Validator.ValidateXml($"<Patient {Ns}><gender value=\"female\"></Patient>");
        Assert.Contains(report.Issues, issue => issue.Severity == Hl7.Fhir.Model.OperationOutcome.IssueSeverity.Fatal);
    }

    [Fact]
    public void Xml_Valid_NoErrors() =>
        fixture.Validator.ValidateXml($"<Patient {Ns}><gender value=\"female\"/><birthDate value=\"1970-02-14\"/></Patient>").HasNoErrors();
}
