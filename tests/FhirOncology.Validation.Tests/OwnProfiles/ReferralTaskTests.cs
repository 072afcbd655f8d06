using System.Text.Json.Nodes;
using FhirOncology.Validation.Tests.Support;

namespace FhirOncology.Validation.Tests.OwnProfiles;

/// <summary>The referral Task profile (referral-task), as submitted and after the review.</summary>
public sealed class ReferralTaskTests(OwnProfilesFixture fixture)
{
    private const string Outputs = OwnProfilesFixture.Base + "/CodeSystem/referral-task-output";

    [Fact]
    public void Requested_OnItsOwn_Valid()
    {
        fixture.Validate(Examples.RequestedTask()).HasNoErrors();
    }

    [Fact]
    public void Code_NotFulfill_ErrorAtCode()
    {
        var task = Examples.CompletedReferralTask();
        task["code"]!["coding"]![0]!["code"] = "approve";
        fixture.Validate(task).HasError("Task.code", "fulfill");
    }

    [Fact]
    public void Code_Missing_ErrorAtTask()
    {
        var task = Examples.RequestedTask();
        task.Remove("code");
        fixture.Validate(task).HasError("Task", "code: at least 1 required, found 0");
    }

    [Fact]
    public void OutcomeOutput_CodeNotAnOutcome_ErrorAtOutputValue()
    {
        var task = Examples.CompletedReferralTask();
        var index = OutputIndex(task, "review-outcome");
        task["output"]![index]!["valueCodeableConcept"]!["coding"]![0]!["code"] = "cured";
        fixture.Validate(task).HasError($"Task.output[{index}].valueCodeableConcept", "review-outcome");
    }

    [Fact]
    public void ReportOutput_NotAReference_ErrorAtOutput()
    {
        var task = Examples.CompletedReferralTask();
        var index = OutputIndex(task, "report-document");
        var output = task["output"]![index]!.AsObject();
        output.Remove("valueReference");
        output["valueString"] = "see the report";
        fixture.Validate(task).HasError($"Task.output[{index}]", "valueString");
    }

    [Fact]
    public void ReportOutput_ReferencesAPatient_ErrorAtValueReference()
    {
        var task = Examples.CompletedReferralTask();
        var index = OutputIndex(task, "report-document");
        task["output"]![index]!["valueReference"]!["reference"] = "Patient/anna-muster";
        fixture.Validate(task).HasError($"Task.output[{index}].valueReference", "only Bundle may be referenced");
    }

    [Fact]
    public void BusinessStatus_Unknown_ErrorAtBusinessStatus()
    {
        var task = Examples.CompletedReferralTask();
        task["businessStatus"]!["coding"]![0]!["code"] = "lost";
        fixture.Validate(task).HasError("Task.businessStatus", "referral-business-status");
    }

    [Fact]
    public void Owner_APractitioner_ErrorAtOwner()
    {
        var task = Examples.RequestedTask();
        task["owner"] = new JsonObject { ["reference"] = "Practitioner/lena-pruefer" };
        fixture.Validate(task).HasError("Task.owner", "only Organization may be referenced");
    }

    [Fact]
    public void Focus_NotAServiceRequest_ErrorAtFocus()
    {
        var task = Examples.RequestedTask();
        task["focus"] = new JsonObject { ["reference"] = "Observation/stage" };
        fixture.Validate(task).HasError("Task.focus", "only ServiceRequest may be referenced");
    }

    [Fact]
    public void Completed_WithoutReport_ErrorAtTask()
    {
        var task = Examples.CompletedReferralTask();
        task["output"]!.AsArray().RemoveAt(OutputIndex(task, "report-document"));
        fixture.Validate(task).HasError("Task", "referral-task-1");
    }

    [Fact]
    public void Completed_WithoutOutcome_ErrorAtTask()
    {
        var task = Examples.CompletedReferralTask();
        task["output"]!.AsArray().RemoveAt(OutputIndex(task, "review-outcome"));
        fixture.Validate(task).HasError("Task", "referral-task-1");
    }

    [Fact]
    public void InProgress_WithoutOutputs_Valid()
    {
        var task = Examples.CompletedReferralTask();
        task["status"] = "in-progress";
        task["businessStatus"]!["coding"]![0]!["code"] = "in-review";
        task.Remove("output");
        fixture.Validate(task).HasNoErrors();
    }

    private static int OutputIndex(JsonObject task, string code) =>
        task["output"]!.AsArray().Select((o, i) => (System: (string?)o!["type"]!["coding"]![0]!["system"], Code: (string?)o["type"]!["coding"]![0]!["code"], Index: i))
            .Single(o => o.System == Outputs && o.Code == code).Index;
}
