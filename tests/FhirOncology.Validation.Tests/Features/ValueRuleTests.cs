using System.Text.Json.Nodes;
using FhirOncology.Validation.Tests.Support;
using Hl7.Fhir.Model;

namespace FhirOncology.Validation.Tests.Features;

/// <summary>
/// minValue/maxValue (elementdefinition.html#minValue) on dateTime, integer and Quantity, maxLength, the regex
/// extension on an element and on a type, and ElementDefinition.condition — on the onc-test-measure profile.
/// </summary>
public sealed class ValueRuleTests(ValidatorFixture fixture)
{
    [Fact]
    public void ValidMeasure_NoErrorsAndNothingLeftUncompared()
    {
        var report = fixture.Validate(Corpus.Measure());
        report.HasNoErrors();
        Assert.DoesNotContain(report.Issues, issue => issue.Message.Contains("was not compared", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0.05, "0.05 mm is below the minimum 0.1 mm (minValue")]
    [InlineData(301, "301 mm is above the maximum 300 mm (maxValue")]
    public void QuantityOutsideLimits_SameUnit_Error(decimal value, string message)
    {
        var measure = Corpus.Measure();
        measure["valueQuantity"]!["value"] = value;
        fixture.Validate(measure).HasError("Observation.valueQuantity", message);
    }

    [Fact]
    public void QuantityInOtherUnit_NotComparedInformationOnly()
    {
        var measure = Corpus.Measure();
        measure["valueQuantity"] = new JsonObject { ["value"] = 500, ["unit"] = "cm", ["system"] = "http://unitsofmeasure.org", ["code"] = "cm" };
        var report = fixture.Validate(measure);
        report.HasNoErrors();
        report.Has(OperationOutcome.IssueSeverity.Information, "Observation.valueQuantity",
            "500 cm was not compared with the maximum 300 mm: their units are not the same system and code");
    }

    [Fact]
    public void IntegerAboveMaximum_Error()
    {
        var measure = Corpus.Measure();
        measure["component"]![0]!["valueInteger"] = 5;
        fixture.Validate(measure).HasError("Observation.component[0].valueInteger", "5 is above the maximum 4");
    }

    [Fact]
    public void DateTimeBelowMinimum_ComparedAcrossTimeZones_Error()
    {
        var measure = Corpus.Measure();
        measure["effectiveDateTime"] = "2000-01-01T00:30:00+01:00"; // 1999-12-31T23:30:00Z
        fixture.Validate(measure).HasError("Observation.effectiveDateTime", "is below the minimum \"2000-01-01T00:00:00Z\"");
    }

    [Fact]
    public void DateTimeOfOtherPrecision_NotComparedInformationOnly()
    {
        var measure = Corpus.Measure();
        measure["effectiveDateTime"] = "1999-12-31";
        var report = fixture.Validate(measure);
        report.HasNoErrors();
        report.Has(OperationOutcome.IssueSeverity.Information, "Observation.effectiveDateTime", "they have different precisions");
    }

    [Fact]
    public void MaxLength_Exceeded_Error()
    {
        var measure = Corpus.Measure();
        measure["identifier"]![0]!["value"] = "AB-1234567890";
        fixture.Validate(measure).HasError("Observation.identifier[0].value", "The value has 13 characters, more than the maximum of 12 (maxLength)");
    }

    [Fact]
    public void MaxLength_CountsCharactersNotUtf16Units()
    {
        var measure = Corpus.Measure();
        measure["note"]![0]!["text"] = string.Concat(Enumerable.Repeat("\U0001F9EC", 40)); // 40 characters, 80 UTF-16 units
        var report = fixture.Validate(measure);
        Assert.DoesNotContain(report.Errors, issue => issue.Location == "Observation.note[0].text");
    }

    [Fact]
    public void RegexOnElement_Mismatch_Error()
    {
        var measure = Corpus.Measure();
        measure["identifier"]![0]!["value"] = "ab-12";
        fixture.Validate(measure).HasError("Observation.identifier[0].value", "'ab-12' does not match the regex [A-Z]{2}-[0-9]+");
    }

    [Fact]
    public void RegexOnType_Mismatch_Error()
    {
        var measure = Corpus.Measure();
        measure["note"]![0]!["text"] = "<b>big</b>";
        fixture.Validate(measure).HasError("Observation.note[0].text", "does not match the regex [^<>]*");
    }

    [Fact]
    public void Condition_ProfileConstraintFailsWhileElementPresent_ErrorAtTheElement()
    {
        var measure = Corpus.Measure();
        measure.Remove("valueQuantity");
        measure["dataAbsentReason"] = new JsonObject { ["text"] = "not measured" };
        var report = fixture.Validate(measure);
        report.HasError("Observation", "onc-5");
        var issue = report.HasError("Observation.method", "method is present, and the constraint onc-5 it depends on (ElementDefinition.condition) fails at Observation");
        Assert.Equal("onc-5", issue.Rule);
        Assert.Equal("Observation.method", issue.ElementId);
    }

    [Fact]
    public void Condition_CoreConstraint_ReportedOnlyAtTheElementsNamingIt()
    {
        var measure = Corpus.Measure();
        measure["dataAbsentReason"] = new JsonObject { ["text"] = "unknown" };
        var report = fixture.Validate(measure);
        report.HasError("Observation", "obs-6");
        report.HasError("Observation.dataAbsentReason", "the constraint obs-6 it depends on");
        Assert.DoesNotContain(report.Issues, issue => issue.Location == "Observation.valueQuantity" && issue.Rule == "obs-6"); // value[x] names obs-7 only
    }

    [Fact]
    public void Condition_ConstraintHolds_NoIssue()
    {
        var report = fixture.Validate(Corpus.Measure());
        Assert.DoesNotContain(report.Issues, issue => issue.Message.Contains("ElementDefinition.condition", StringComparison.Ordinal));
    }
}
